package io.clusterless.cli.command;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.substrate.aws.deploys.ProjectDeployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls diff}: reference §2.5. */
@Command(name = "diff",
        description = {"Show what deploying the project files would change (cdk diff --all), synthesized as deploy would: with the listener states recorded by cls disable|enable. Exit code of cdk: 0 also when there are changes, unless --fail.", ""},
        footer = {"", "Example:", "  cls diff examples/copy-chain/project.json --fail",
                "", "Exit codes: 0 done (with --fail: no differences), 1 failure (with --fail: differences), 2 usage error, "
                        + "n the CDK CLI's exit code."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class DiffCommand implements Callable<Integer> {
    private final CliContext context;

    DiffCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Mixin
    private AwsSynthOptions synth;

    @Mixin
    private CdkOptions cdk;

    @Option(names = "--fail", description = "Exit 1 when there are differences (cdk diff --fail): a CI gate.")
    private boolean fail;

    @Override
    public Integer call() {
        return ProjectDeployments.run(context, project, synth, cdk, ProjectDeployment.Verb.diff,
                fail ? List.of("--fail") : List.of());
    }
}
