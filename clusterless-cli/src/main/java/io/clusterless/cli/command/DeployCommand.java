package io.clusterless.cli.command;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.substrate.aws.deploys.ProjectDeployment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls deploy}: reference §2.5. */
@Command(name = "deploy",
        description = {"Synthesize the project files and deploy their stacks with the AWS CDK CLI (cdk deploy --all), then write the project, arc, dataset and materials records to the placement's metadata bucket. The placement must be bootstrapped (cls bootstrap). Listeners switched off with cls disable stay disabled: their state is read from the metadata bucket before synthesis.", ""},
        footer = {"", "Example:", "  cls deploy -p examples/copy-chain/project.json --approve",
                "", "Exit codes: 0 done, 1 failure, 2 usage error, n the CDK CLI's exit code."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class DeployCommand implements Callable<Integer> {
    private final CliContext context;

    DeployCommand(CliContext context) {
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
        return ProjectDeployments.run(context, project, synth, cdk, ProjectDeployment.Verb.deploy, List.of());
    }
}
