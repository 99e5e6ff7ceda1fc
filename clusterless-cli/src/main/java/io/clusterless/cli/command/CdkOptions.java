package io.clusterless.cli.command;

import io.clusterless.cli.config.ClsConfig;
import io.clusterless.cli.config.Settings;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.Interruption;
import io.clusterless.cli.options.AwsConnectionOptions;
import io.clusterless.substrate.aws.deploys.CdkSettings;
import io.clusterless.substrate.aws.deploys.CommandSession;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How deploy, destroy, diff and bootstrap run the CDK CLI, and where it connects. */
final class CdkOptions {
    @Option(names = "--approve", description = "Answer every CDK CLI question with yes (deploy: "
            + "--require-approval never; destroy: --force). Needed where there is no terminal, e.g. in CI.")
    boolean approve;

    @Option(names = "--dry-run", description = "Synthesize and print the cdk command, but run nothing and write "
            + "no metadata.")
    boolean dryRun;

    @Option(names = "--retry", description = "Re-run a failed cdk command, up to 3 attempts, waiting 30 s then 60 s.")
    boolean retry;

    @Option(names = "--cdk", paramLabel = "PATH", description = "The AWS CDK CLI to run (default: a compatible "
            + "cdk on the PATH, else the pinned copy, installed with npm into the user cache on first use).")
    Path cdk;

    @Mixin
    AwsConnectionOptions connection = new AwsConnectionOptions();

    /** The options with the configuration's approval levels, as the AWS substrate runs cdk with them. */
    CdkSettings settings(ClsConfig config) {
        return new CdkSettings(approve, dryRun, retry, cdk, connection.connection(),
                config.string(Settings.REQUIRE_DEPLOY_APPROVAL), config.bool(Settings.REQUIRE_DESTROY_APPROVAL));
    }

    /** The command's environment and streams, as the AWS substrate runs cdk in them. */
    static CommandSession session(CliContext context) {
        return new CommandSession(context.environment(), context.home(), context.out(), context.err(),
                context.terminal(), context.colour(), context.verbosity() > 0, context.documentOut() != null,
                Interruption::signalled);
    }
}
