package io.clusterless.cli.command;

import io.clusterless.cli.config.ClsConfig;
import io.clusterless.cli.config.Settings;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.VersionProvider;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.model.Deployable;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.deploys.ProjectDeployment;
import io.clusterless.substrate.aws.synth.ProjectInput;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs deploy, diff or destroy: loads the files and hands them, with the options, to the AWS substrate. */
final class ProjectDeployments {
    private ProjectDeployments() {
    }

    /** @param verbOptions the CDK CLI's options of this verb the user asked for (diff --fail) */
    static int run(CliContext context, ProjectOptions project, AwsSynthOptions synth, CdkOptions cdk,
                   ProjectDeployment.Verb verb, List<String> verbOptions) {
        // with --no-cache jsii surely runs: start it before the files are read (stdin may keep them a while)
        CompletableFuture<Void> jsii = AwsSynthSupport.startedEarly(synth.noCache);
        // sources may be owned by projects deployed before; deploy and diff look their owners up
        List<ProjectSource> sources = project.sources();
        AwsSynthSupport.Jsii early = AwsSynthSupport.jsii(synth, sources, jsii);
        List<ProjectInput> inputs = AwsSynthSupport.load(context, sources, project.jsonnet(),
                new ValidationOptions(true));
        List<String> files = sources.stream().map(source -> source.path() == null ? source.display()
                : source.path().toAbsolutePath().toString()).toList();
        ClsConfig config = context.config();
        return new ProjectDeployment(CdkOptions.session(context), inputs, files,
                lambdaJar -> synth.toSynthOptions(lambdaJar, config, false),
                (options, outdir) -> AwsSynthSupport.synthesize(synth, inputs, options, outdir, early),
                config.isSet(Settings.SNAP_START), cdk.settings(config), VersionProvider.version())
                .withImageAssets(config.isSet(Settings.IMAGE_ASSETS) ? config.bool(Settings.IMAGE_ASSETS) : null)
                .run(verb, verbOptions);
    }

    /**
     * The owners of arc sources that no given file owns, from the placement's metadata bucket, where the owning
     * project's deploy recorded them (as deploy looks them up); for {@code cls verify}.
     */
    static Map<String, SinkDataset> deployedOwners(CliContext context, List<ProjectInput> inputs,
                                                   AwsSynthOptions synth, CdkOptions cdk,
                                                   Map<PlacementNames, List<Deployable>> placements) {
        ClsConfig config = context.config();
        return new ProjectDeployment(CdkOptions.session(context), inputs, List.of(),
                lambdaJar -> synth.toSynthOptions(lambdaJar, config, true), (options, outdir) -> {
                    throw new IllegalStateException("looking up owners synthesizes nothing");
                }, config.isSet(Settings.SNAP_START), cdk.settings(config), VersionProvider.version())
                .deployedOwners(placements);
    }
}
