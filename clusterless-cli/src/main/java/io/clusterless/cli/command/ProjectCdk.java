package io.clusterless.cli.command;

import io.clusterless.cli.ClsCommand;
import io.clusterless.cli.ProjectOptions;
import io.clusterless.cli.UserException;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.metadata.PlacementRecords;
import io.clusterless.runtime.plan.PlacementPlan;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What deploy, destroy and diff share: load and synthesize the project files into a temporary assembly, run one cdk
 * verb on it, and write or remove the placement's metadata records (reference §2.4–2.5, §4.2).
 */
final class ProjectCdk {
    enum Verb { deploy, destroy, diff }

    private final ClsCommand root;
    private final ProjectOptions project;
    private final AwsSynthOptions synth;
    private final CdkOptions cdk;

    ProjectCdk(ClsCommand root, ProjectOptions project, AwsSynthOptions synth, CdkOptions cdk) {
        this.root = root;
        this.project = project;
        this.synth = synth;
        this.cdk = cdk;
    }

    int run(Verb verb) {
        CompletableFuture<Void> jsii = AwsSynthesizer.warmUp();
        List<ProjectInput> inputs = AwsSynthSupport.load(root.context(), project.sources(), project.extStrs());
        Map<PlacementNames, List<Deployable>> placements = placements(inputs);
        PlacementNames first = placements.keySet().iterator().next();
        CdkSupport support = new CdkSupport(root.context(), cdk, first.region());
        if (verb == Verb.deploy) {
            support.requireApprovalPossible("deploy", support.deployAsks());
        } else if (verb == Verb.destroy) {
            support.requireApprovalPossible("destroy", !support.destroyForced());
        }
        if (verb == Verb.deploy && !cdk.dryRun) {
            for (PlacementNames placement : placements.keySet()) {
                if (!new CdkSupport(root.context(), cdk, placement.region()).bootstrapped(placement)) {
                    throw new UserException("must bootstrap account: " + placement.account() + ", region: "
                            + placement.region() + ", stage: " + placement.stage() + " (no bucket s3://"
                            + placement.metadataBucket() + "); run: cls bootstrap --account " + placement.account()
                            + " --region " + placement.region()
                            + (placement.stage() == null ? "" : " --stage " + placement.stage()) + " --approve");
                }
            }
        }
        Path assembly = CdkSupport.tempAssembly();
        try {
            try {
                AwsSynthSupport.awaitJsii(jsii);
                AwsSynthesizer.synthesize(inputs, synth.toSynthOptions(LambdaAssets.lambdaJar(System.getenv()),
                        root.context().properties(), false), assembly);
            } catch (SynthException e) {
                throw new UserException(e.getMessage());
            }
            List<String> arguments = new ArrayList<>(List.of(verb.name()));
            arguments.addAll(support.common(assembly));
            arguments.add("--all");
            if (verb == Verb.deploy) {
                arguments.addAll(support.deployOptions());
            } else if (verb == Verb.destroy && support.destroyForced()) {
                arguments.add("--force");
            }
            int exit = support.run(arguments);
            if (exit != 0 || cdk.dryRun || verb == Verb.diff) {
                return exit;
            }
            for (Map.Entry<PlacementNames, List<Deployable>> entry : placements.entrySet()) {
                PlacementNames placement = entry.getKey();
                PlacementRecords records = new PlacementRecords(
                        new S3ObjectStore(new CdkSupport(root.context(), cdk, placement.region()).clients().s3()),
                        Clock.systemUTC());
                if (verb == Verb.deploy) {
                    records.writeProjects(PlacementPlan.of(placement, entry.getValue()));
                    support.note("wrote the project records to s3://" + placement.metadataBucket());
                } else {
                    for (Deployable deployable : distinctProjects(entry.getValue())) {
                        try {
                            List<String> removed = records.remove(placement, deployable.getProject().getName(),
                                    deployable.getProject().getVersion());
                            support.note("removed " + removed.size() + " metadata records of "
                                    + deployable.getProject().getName());
                        } catch (PlacementRecords.MissingMaterialsException e) {
                            throw new UserException(e.getMessage());
                        }
                    }
                }
            }
            return exit;
        } finally {
            CdkSupport.deleteQuietly(assembly);
        }
    }

    private static List<Deployable> distinctProjects(List<Deployable> deployables) {
        Map<String, Deployable> byId = new LinkedHashMap<>();
        deployables.forEach(d -> byId.putIfAbsent(d.getProject().id(), d));
        return new ArrayList<>(byId.values());
    }

    private static Map<PlacementNames, List<Deployable>> placements(List<ProjectInput> inputs) {
        Map<PlacementNames, List<Deployable>> placements = new LinkedHashMap<>();
        for (ProjectInput input : inputs) {
            Placement placement = input.deployable().getPlacement();
            placements.computeIfAbsent(new PlacementNames(placement.getStage(), placement.getAccount(),
                    placement.getRegion()), p -> new ArrayList<>()).add(input.deployable());
        }
        return placements;
    }
}
