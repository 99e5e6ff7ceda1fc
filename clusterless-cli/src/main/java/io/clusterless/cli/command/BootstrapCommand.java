package io.clusterless.cli.command;

import io.clusterless.cli.context.CliContext;
import io.clusterless.substrate.aws.deploys.BootstrapDeployment;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code cls bootstrap}: parses the placement's names and hands them to the AWS substrate's
 * {@link BootstrapDeployment}, which deploys (or with {@code --destroy} removes) the placement's bootstrap stack (reference §3.2).
 */
@Command(name = "bootstrap",
        description = {"Create (or with --destroy remove) the placement's bootstrap stack: metadata, arc-state and "
                + "manifest buckets, the arc event bus and a VPC. Runs the CDK's own bootstrap of the account and "
                + "region first, so no separate 'cdk bootstrap' is needed.", ""},
        footer = {"", "Examples:",
                "  cls bootstrap --account 123456789012 --region us-west-2 --stage dev --approve",
                "  cls bootstrap --account 123456789012 --region us-west-2 --stage dev --destroy --approve --retry",
                "", "Exit codes: 0 done, 1 failure, 2 usage error, n the CDK CLI's exit code."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class BootstrapCommand implements Callable<Integer> {
    private final CliContext context;

    BootstrapCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "AWS account id.")
    String account;

    /** {@code --stage} without a value is the original's way to say "no stage". */
    @Option(names = "--stage", paramLabel = "STAGE", arity = "0..1", fallbackValue = "",
            description = "Optional stage, e.g. dev; --stage without a value: no stage.")
    void setStage(String value) {
        stage = value == null || value.isBlank() ? null : value;
    }

    String stage;

    @Option(names = "--destroy", description = "Empty the placement's buckets and remove its bootstrap stack.")
    boolean destroy;

    @Mixin
    CdkOptions cdk;

    @Override
    public Integer call() {
        return new BootstrapDeployment(CdkOptions.session(context), cdk.settings(context.config()),
                (names, outdir) -> {
                    AwsSynthSupport.awaitJsii(JsiiLifecycle.start());
                    AwsSynthesizer.synthesizeBootstrap(names, false, outdir);
                }).run(stage, account, cdk.connection.region(), destroy);
    }
}
