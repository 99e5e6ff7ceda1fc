package io.clusterless.cli.command;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.substrate.aws.deploys.ProjectDeployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls destroy}: reference §2.5. */
@Command(name = "destroy",
        description = {"Remove the project's stacks with the AWS CDK CLI (cdk destroy --all), then every metadata record its materials.json lists, and materials.json. Buckets, databases and tables kept by their removal policy survive.", ""},
        footer = {"", "Example:", "  cls destroy -p examples/copy-chain/project.json --approve",
                "", "Exit codes: 0 done, 1 failure, 2 usage error, n the CDK CLI's exit code."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class DestroyCommand implements Callable<Integer> {
    private final CliContext context;

    DestroyCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Mixin
    private AwsSynthOptions synth;

    @Mixin
    private CdkOptions cdk;

    @Override
    public Integer call() {
        return ProjectDeployments.run(context, project, synth, cdk, ProjectDeployment.Verb.destroy, List.of());
    }
}
