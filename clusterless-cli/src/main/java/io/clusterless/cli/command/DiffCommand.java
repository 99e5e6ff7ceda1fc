package io.clusterless.cli.command;

import io.clusterless.cli.ClsCommand;
import io.clusterless.cli.ProjectOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

/** {@code cls diff}: reference §2.5. */
@Command(name = "diff",
        description = {"Show what deploying the project files would change (cdk diff --all), synthesized as deploy would: with the listener states recorded by cls disable|enable. Exit code of cdk: 0 also when there are changes.", ""},
        footer = {"", "Example:", "  cls diff -p examples/copy-chain/project.json --approve",
                "", "Exit codes: 0 done, 1 failure, 2 usage error, n the CDK CLI's exit code."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    private ClsCommand root;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private AwsSynthOptions synth;

    @Mixin
    private CdkOptions cdk;

    @Override
    public Integer call() {
        return new ProjectCdk(root, project, synth, cdk).run(ProjectCdk.Verb.diff);
    }
}
