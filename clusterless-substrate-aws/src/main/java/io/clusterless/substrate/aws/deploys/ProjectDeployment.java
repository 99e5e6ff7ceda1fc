package io.clusterless.substrate.aws.deploys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.metadata.DatasetRecord;
import io.clusterless.engine.metadata.DeployRecord;
import io.clusterless.engine.metadata.DeployRecords;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.ops.OperationException;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.ObjectStoreException;
import io.clusterless.json.Json;
import io.clusterless.model.Arc;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.model.Project;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.substrate.aws.component.arc.batch.BatchExecArcConstruct;
import io.clusterless.substrate.aws.construct.BootstrapExports;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthException;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.uri.RecordURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What deploy, destroy and diff share: synthesize the loaded project files into a temporary assembly, run one cdk
 * verb on it, and write or remove the placement's metadata records (reference §2.4–2.5, §4.2).
 */
public final class ProjectDeployment {
    /** The CDK CLI's verbs on a project's stacks. */
    public enum Verb { deploy, destroy, diff }

    /** The configuration key of SnapStart, for the note that says how to keep it against an emulator. */
    public static final String SNAP_START_KEY = "aws.lambda.snapStart";
    /** The configuration key that pushes (or not) batch arcs' images; {@link #withImageAssets}. */
    public static final String IMAGE_ASSETS_KEY = "aws.batch.imageAssets";

    /** Exit codes from 128 up are a shell's and Java's for a process ended by a signal (128 + its number). */
    private static final int KILLED_BY_SIGNAL = 128;

    private final CommandSession session;
    private final List<ProjectInput> inputs;
    private final List<String> files;
    private final Function<Path, SynthOptions> synth;
    private final Synthesis synthesis;
    private final boolean snapStartSet;
    private final CdkSettings cdk;
    private final String version;
    /** One S3 client per region for the metadata lookups and records, built when first needed. */
    private final Map<String, ObjectStore> stores = new HashMap<>();
    /** What --output json reports of this run (a no-op without it); made by {@link #run}. */
    private CommandDocument document;
    /** aws.batch.imageAssets as configured, null when no layer sets it. */
    private Boolean imageAssetsConfigured;

    /** How the command synthesizes an assembly (the CLI's assembly cache, its jsii warm-up). */
    @FunctionalInterface
    public interface Synthesis {
        /** Writes the cloud assembly of the loaded files with {@code options} into {@code outdir}. */
        void synthesize(SynthOptions options, Path outdir) throws SynthException;
    }

    /**
     * @param inputs       the loaded and validated project files
     * @param files        the files as the deploy record names them (absolute paths, or stdin's display name)
     * @param synth        the synthesis options for a Lambda jar, as the command line and configuration give them
     * @param synthesis    synthesizes {@code inputs} with the options this deployment completes
     * @param snapStartSet whether SnapStart was configured explicitly (else emulators get functions without it)
     * @param version      the version of cls, for the deploy record
     */
    public ProjectDeployment(CommandSession session, List<ProjectInput> inputs, List<String> files,
                             Function<Path, SynthOptions> synth, Synthesis synthesis, boolean snapStartSet,
                             CdkSettings cdk, String version) {
        this.session = session;
        this.inputs = inputs;
        this.files = files;
        this.synth = synth;
        this.synthesis = synthesis;
        this.snapStartSet = snapStartSet;
        this.cdk = cdk;
        this.version = version;
    }

    /**
     * SnapStart as configured, except against an endpoint other than AWS's (an emulator) where no layer sets it:
     * emulators' CloudFormation cannot resolve Lambda versions, and the failed stack would hide why.
     */
    private SynthOptions snapStart(SynthOptions options, CdkSession support) {
        if (cdk.connection().endpointUrl() == null || snapStartSet) {
            return options;
        }
        support.note("--endpoint-url: functions without SnapStart, which emulators cannot deploy (-D "
                + SNAP_START_KEY + "=true to keep it)");
        return options.withSnapStart(false);
    }

    /**
     * Runs {@code verb}; with {@code --output json} (the session's {@code document}) prints its {@link CommandDocument}.
     *
     * @param verbOptions the CDK CLI's options of this verb the user asked for (diff --fail)
     */
    public int run(Verb verb, List<String> verbOptions) {
        document = new CommandDocument(verb.name(), CommandDocument.Intent.valueOf(verb.name()),
                session.document() ? session.out() : null, Clock.systemUTC())
                .connection(cdk.dryRun(), region -> new CdkSession(session, cdk, region).clients());
        return document.run(() -> runVerb(verb, verbOptions));
    }

    /**
     * Batch arcs' images as configured ({@link #withImageAssets}), except against an endpoint other than AWS's where
     * nothing configured them: an emulator has no registry to push them to (and cdk would first need Docker to build
     * them). One note names the arcs left without an image; projects without a batch arc get none.
     */
    private boolean imageAssets(CdkSession support, List<ProjectInput> inputs) {
        if (cdk.connection().endpointUrl() == null || imageAssetsConfigured != null) {
            return imageAssetsConfigured == null || imageAssetsConfigured;
        }
        List<String> batchArcs = inputs.stream().flatMap(input -> input.deployable().getArcs().stream())
                .filter(arc -> !arc.isExclude() && BatchExecArc.TYPE.equals(arc.getType()))
                .map(Arc::getName).toList();
        if (!batchArcs.isEmpty()) {
            support.note("--endpoint-url: no Docker image built or pushed for batch arc(s) " + String.join(", ",
                    batchArcs) + ", which emulators cannot store; their jobs name " + BatchExecArcConstruct
                    .UNPUSHED_IMAGE + "… (-D " + IMAGE_ASSETS_KEY + "=true to push them)");
        }
        return false;
    }

    /**
     * @param configured {@code aws.batch.imageAssets} when a configuration layer sets it, else null (then images are
     *                   pushed, except to an emulator)
     */
    public ProjectDeployment withImageAssets(Boolean configured) {
        this.imageAssetsConfigured = configured;
        return this;
    }

    private int runVerb(Verb verb, List<String> verbOptions) {
        Map<PlacementNames, List<Deployable>> placements = placements(inputs);
        PlacementNames first = placements.keySet().iterator().next();
        CdkSession support = new CdkSession(session, cdk, first.region());
        if (verb == Verb.deploy) {
            support.requireApprovalPossible("deploy", support.deployAsks());
        } else if (verb == Verb.destroy) {
            support.requireApprovalPossible("destroy", !support.destroyForced());
        }
        if (verb == Verb.deploy && !cdk.dryRun()) {
            for (PlacementNames placement : placements.keySet()) {
                if (!new CdkSession(session, cdk, placement.region()).bootstrapped(placement)) {
                    throw new OperationException("must bootstrap account: " + placement.account() + ", region: "
                            + placement.region() + ", stage: " + placement.stage() + " (no bucket s3://"
                            + placement.metadataBucket() + "); run: cls bootstrap --account " + placement.account()
                            + " --region " + placement.region()
                            + (placement.stage() == null ? "" : " --stage " + placement.stage())
                            + cdk.connection().hintArguments()
                            + " --approve");
                }
            }
        }
        boolean online = verb != Verb.destroy && !cdk.dryRun();
        Map<String, SinkDataset> deployedOwners = online ? deployedOwners(placements) : Map.of();
        // diff reads them too: it shows what deploy would change, and a deploy keeps disabled listeners disabled
        Map<String, Set<String>> disabledListeners = online ? disabledListeners(placements) : Map.of();
        Path assembly = CdkSession.tempAssembly();
        SynthOptions options = snapStart(synth.apply(LambdaAssets.lambdaJar(System.getenv())), support)
                .withImageAssets(imageAssets(support, inputs))
                .withDeployedOwners(deployedOwners)
                .withDisabledListeners(disabledListeners)
                .withBootstrapSubnets(online ? bootstrapSubnets(placements) : Map.of());
        try {
            CdkSession.synthesize(document, assembly, () -> synthesis.synthesize(options, assembly));
            if (verb == Verb.deploy && !cdk.dryRun()) {
                refuseMovedFixedNames(assembly);
            }
            List<String> arguments = new ArrayList<>(List.of(verb.name()));
            arguments.addAll(support.common(assembly));
            if (verb == Verb.diff) {
                // cdk diff compares every stack of the app; it has no --all (and warns about one)
                arguments.addAll(support.diffOptions());
            } else {
                arguments.add("--all");
            }
            if (verb == Verb.deploy) {
                arguments.addAll(support.deployOptions());
            } else if (verb == Verb.destroy && support.destroyForced()) {
                arguments.add("--force");
            }
            arguments.addAll(verbOptions);
            List<Intent> intents = cdk.dryRun() ? List.of() : recordIntents(verb, placements, options, deployedOwners,
                    assembly, support);
            long cdkStart = System.nanoTime();
            Instant cdkStarted = Clock.systemUTC().instant();
            int exit = support.run(arguments);
            document.cdkRan(exit, (System.nanoTime() - cdkStart) / 1_000_000);
            if (cdk.dryRun() || verb == Verb.diff) {
                return exit;
            }
            String now = Clock.systemUTC().instant().toString();
            if (exit >= KILLED_BY_SIGNAL) {
                // cdk was killed (OOM killer, a signal to it alone): CloudFormation may still finish what it asked,
                // so the records stay unfinished for the next command to reconcile (ADR-0009)
                support.note("cdk was killed (exit " + exit + "); the next cls deploy, cls projects or report "
                        + "finds out from CloudFormation how the " + verb + " ended");
                return exit;
            }
            if (exit != 0) {
                if (verb == Verb.deploy) {
                    reportFailures(intents, cdkStarted, support);
                }
                for (Intent intent : intents) {
                    intent.finish(verb == Verb.deploy ? DeployRecord.State.deployFailed
                            : DeployRecord.State.destroyFailed, now, "cdk " + verb + " exited with " + exit);
                }
                return exit;
            }
            for (Intent intent : intents) {
                PlacementNames placement = intent.placement();
                PlacementRecords records = new PlacementRecords(store(placement), Clock.systemUTC());
                if (verb == Verb.deploy) {
                    records.write(placement.metadataBucket(), intent.record().records());
                    intent.finish(DeployRecord.State.deployed, now, "cdk deploy exited with 0");
                    support.note("wrote the records of " + intent.record().project() + " "
                            + intent.record().version() + " to s3://" + placement.metadataBucket());
                } else {
                    try {
                        List<String> removed = records.remove(placement, intent.record().project(),
                                intent.record().version());
                        support.note("removed " + removed.size() + " metadata records of "
                                + intent.record().project());
                        document.removed(removed);
                    } catch (PlacementRecords.MissingMaterialsException e) {
                        intent.finish(DeployRecord.State.destroyed, now, "cdk destroy exited with 0; " + e.getMessage());
                        throw new OperationException(e.getMessage());
                    }
                    intent.finish(DeployRecord.State.destroyed, now, "cdk destroy exited with 0");
                }
            }
            return exit;
        } finally {
            CdkSession.deleteQuietly(assembly);
        }
    }

    /**
     * After a failed deploy, one line per stack that did not get made, with the error the endpoint itself gave (the
     * first failed resource's reason): cdk shows the last error, which against an emulator is often its own retry's.
     */
    private void reportFailures(List<Intent> intents, Instant since, CdkSession support) {
        try (CloudFormationStacks stacks = new CloudFormationStacks(region -> new CdkSession(session, cdk,
                region).clients())) {
            for (Intent intent : intents) {
                for (DeployRecord.Stack stack : intent.record().stacks()) {
                    stacks.failure(stack.region(), stack.name(), since).ifPresent(failure ->
                            support.note("stack " + stack.name() + ": " + failure));
                }
            }
        } catch (RuntimeException e) {
            // the report is a help; the deploy's own failure is what the exit code says
            support.note("cannot read why the stacks failed: " + e.getMessage());
        }
    }

    /**
     * Stops a deploy that would move a named resource to another logical id (a stack deployed by a cls from before
     * ADR-0016), before anything is recorded or changed: CloudFormation would fail half-way and roll back.
     */
    private void refuseMovedFixedNames(Path assembly) {
        List<String> problems = new ArrayList<>();
        try (CloudFormationStacks stacks = new CloudFormationStacks(region -> new CdkSession(session, cdk,
                region).clients())) {
            for (AssemblyStacks.AssemblyStack stack : AssemblyStacks.read(assembly)) {
                String deployed = stacks.describe(stack.region(), stack.name()).map(StackStates.StackState::templateJson)
                        .orElse(null);
                if (deployed == null) {
                    continue;
                }
                String synthesized = Files.readString(stack.templateFile(), StandardCharsets.UTF_8);
                MovedFixedNames.of(stack.name(), deployed, synthesized).forEach(move -> problems.add(move.problem()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synthesized templates in " + assembly, e);
        }
        if (!problems.isEmpty()) {
            throw new OperationException(String.join("\n", problems));
        }
    }

    /** A deploy record written before cdk starts, to be finished after it (ADR-0009). */
    private record Intent(PlacementNames placement, DeployRecord record, DeployRecords records) {
        void finish(DeployRecord.State state, String at, String message) {
            records.put(placement.metadataBucket(), record.finished(state, at, message));
        }
    }

    /**
     * Before cdk starts: per project, what the command is about to do, its stacks and (for deploy) the exact
     * records it will write, so that a command killed while cdk runs leaves a record a later one can finish. Unfinished
     * records left by earlier commands are reconciled first.
     */
    private List<Intent> recordIntents(Verb verb, Map<PlacementNames, List<Deployable>> placements,
                                       SynthOptions options, Map<String, SinkDataset> deployedOwners, Path assembly,
                                       CdkSession support) {
        if (verb == Verb.diff) {
            return List.of();
        }
        List<AssemblyStacks.AssemblyStack> stacks = AssemblyStacks.read(assembly);
        String started = Clock.systemUTC().instant().toString();
        String by = DeployIntents.by();
        List<Intent> intents = new ArrayList<>();
        for (Map.Entry<PlacementNames, List<Deployable>> entry : placements.entrySet()) {
            PlacementNames placement = entry.getKey();
            ObjectStore store = store(placement);
            DeployIntents.reconcile(List.of(placement), store, region -> new CdkSession(session, cdk,
                    region).clients(), support::note);
            Map<String, List<DeployRecord.Record>> records = new LinkedHashMap<>();
            if (verb == Verb.deploy) {
                entry.getValue().forEach(deployable -> excludeAsDeployed(deployable, options));
                new PlacementRecords(store, Clock.systemUTC()).recordsOf(PlacementPlan.of(placement,
                        entry.getValue(), deployedOwners)).forEach(p -> records.put(p.id(), p.records()));
            }
            DeployRecords deployRecords = new DeployRecords(store);
            for (Deployable deployable : distinctProjects(entry.getValue())) {
                Project p = deployable.getProject();
                // a stack without the project tags (--exclude-all-tags) counts for every project of its placement:
                // a record may wait for a stack too many, never complete without one
                List<DeployRecord.Stack> ofProject = stacks.stream()
                        .filter(s -> placement.account().equals(s.account()) && placement.region().equals(s.region()))
                        .filter(s -> s.projectName() == null || (p.getName().equals(s.projectName())
                                && p.getVersion().equals(s.projectVersion())))
                        .map(AssemblyStacks.AssemblyStack::toRecord).toList();
                DeployRecord record = new DeployRecord(UUID.randomUUID().toString(), verb == Verb.deploy
                        ? DeployRecord.State.deploying : DeployRecord.State.destroying, p.getName(), p.getVersion(),
                        started, null, version, by, files, ofProject,
                        records.getOrDefault(p.id(), List.of()), null);
                deployRecords.put(placement.metadataBucket(), record);
                document.recorded(store, placement.metadataBucket(), record);
                intents.add(new Intent(placement, record, deployRecords));
            }
            support.note("recorded the " + verb + " of " + distinctProjects(entry.getValue()).stream()
                    .map(d -> d.getProject().id()).collect(Collectors.joining(", ")) + " in s3://"
                    + placement.metadataBucket() + "/deploys/ before running cdk");
        }
        return intents;
    }

    /**
     * The owners of arc sources that no given file owns, from the placement's metadata bucket, where the owning
     * project's deploy recorded them (reference §3.9): their paths give the arcs read access to the objects.
     */
    public Map<String, SinkDataset> deployedOwners(Map<PlacementNames, List<Deployable>> placements) {
        Map<String, SinkDataset> owners = new LinkedHashMap<>();
        for (Map.Entry<PlacementNames, List<Deployable>> entry : placements.entrySet()) {
            PlacementNames placement = entry.getKey();
            PlacementPlan offline = PlacementPlan.of(placement, entry.getValue());
            PlacementReader reader = null;
            for (Deployable deployable : entry.getValue()) {
                for (Arc<?> arc : deployable.getArcs()) {
                    if (arc.isExclude()) {
                        continue;
                    }
                    for (SourceDataset source : arc.getSources().values()) {
                        String id = source.id();
                        if (offline.owner(id).isPresent() || owners.containsKey(id)) {
                            continue;
                        }
                        if (reader == null) {
                            reader = new PlacementReader(store(placement));
                        }
                        RecordURI record = RecordURI.ofDataset(placement.metadataBucket(), source);
                        JsonNode found = reader.read(record.bucket(), record.key()).orElseThrow(() ->
                                new OperationException("arc '" + arc.getName() + "' reads dataset " + id + ", which no "
                                        + "given file owns and no deployed project recorded (" + record.identifier()
                                        + "); deploy its owner first, or pass its project file with -p"));
                        try {
                            // the original's shape or ours from before (ADR-0016)
                            owners.put(id, DatasetRecord.read(found).dataset());
                        } catch (IllegalArgumentException e) {
                            throw new OperationException(record.identifier() + " is not a dataset record: it "
                                    + e.getMessage());
                        }
                    }
                }
            }
        }
        return owners;
    }

    /**
     * The subnets of the compute environments of placements whose bootstrap stack does not export them: a placement
     * the original bootstrapped (ADR-0016), which looked its VPC up at synth instead. They are that stack's own
     * {@code AWS::EC2::Subnet} resources, so no look-up by tag and no EC2 permission is needed. A placement whose
     * bootstrap stack exports them, or has no such stack, imports the export as usual.
     */
    private Map<String, List<String>> bootstrapSubnets(Map<PlacementNames, List<Deployable>> placements) {
        Map<String, List<String>> subnets = new LinkedHashMap<>();
        for (Map.Entry<PlacementNames, List<Deployable>> entry : placements.entrySet()) {
            boolean compute = entry.getValue().stream().flatMap(d -> d.getResources().stream())
                    .anyMatch(r -> !r.isExclude() && ComputeResource.TYPE.equals(r.getType()));
            if (!compute) {
                continue;
            }
            PlacementNames placement = entry.getKey();
            try (CloudFormationStacks stacks = new CloudFormationStacks(region ->
                    new CdkSession(session, cdk, region).clients())) {
                String stack = placement.bootstrapStack();
                if (stacks.exportNames(placement.region(), stack)
                        .contains(new BootstrapExports(placement).subnetIds())) {
                    continue;
                }
                List<String> ids = stacks.resources(placement.region(), stack, "AWS::EC2::Subnet");
                if (!ids.isEmpty()) {
                    subnets.put(placement.metadataBucket(), ids);
                }
            }
        }
        return subnets;
    }

    /**
     * The listeners of the given projects that are disabled now, per project id, from the records {@code cls
     * disable|enable} append to each placement's metadata bucket (ADR-0004): synthesized disabled, a redeploy does
     * not re-enable them. A placement without a metadata bucket (diff before bootstrap) has no records.
     */
    private Map<String, Set<String>> disabledListeners(Map<PlacementNames, List<Deployable>> placements) {
        Map<String, Set<String>> disabled = new LinkedHashMap<>();
        for (Map.Entry<PlacementNames, List<Deployable>> entry : placements.entrySet()) {
            PlacementNames placement = entry.getKey();
            CdkSession support = new CdkSession(session, cdk, placement.region());
            ListenerSwitches switches = new ListenerSwitches(store(placement), placement.metadataBucket(),
                    Clock.systemUTC());
            // a project may come in several files: its arcs and boundaries are those of all of them
            Map<String, Set<String>> listeners = new LinkedHashMap<>();
            for (Deployable deployable : entry.getValue()) {
                Set<String> names = listeners.computeIfAbsent(deployable.getProject().id(), id -> new TreeSet<>());
                deployable.getArcs().forEach(arc -> names.add(arc.getName()));
                deployable.getBoundaries().forEach(boundary -> names.add(boundary.getName()));
            }
            for (Deployable deployable : distinctProjects(entry.getValue())) {
                Project project = deployable.getProject();
                Set<String> names = new TreeSet<>();
                try {
                    names.addAll(switches.disabled(project.getName(), project.getVersion()));
                } catch (ObjectStoreException e) {
                    if (e.kind() == ObjectStoreException.Kind.NOT_FOUND) {
                        continue;
                    }
                    throw new OperationException("cannot read the listener states of " + project.id() + " from s3://"
                            + placement.metadataBucket() + "/" + ListenerSwitches.ROOT + "/: " + e.getMessage());
                }
                names.retainAll(listeners.get(project.id()));
                if (!names.isEmpty()) {
                    disabled.put(project.id(), names);
                    support.note(project.id() + ": " + String.join(", ", names) + " disabled (cls disable): "
                            + "synthesized with the rule disabled until cls enable");
                }
            }
        }
        return disabled;
    }

    private ObjectStore store(PlacementNames placement) {
        return stores.computeIfAbsent(placement.region(), region ->
                new S3ObjectStore(new CdkSession(session, cdk, region).clients().s3()));
    }

    /** Marks what the command line left out of the stacks, so the records say what was deployed (§4.2). */
    public static void excludeAsDeployed(Deployable deployable, SynthOptions options) {
        deployable.getArcs().stream().filter(arc -> !options.includesArc(arc.getName())).forEach(Component::exclude);
        deployable.getResources().stream().filter(resource -> !options.includesResource(resource.getName()))
                .forEach(Component::exclude);
        if (!options.includesNonResources()) {
            deployable.getBoundaries().forEach(Component::exclude);
            deployable.getActivities().forEach(Component::exclude);
        }
    }

    private static List<Deployable> distinctProjects(List<Deployable> deployables) {
        Map<String, Deployable> byId = new LinkedHashMap<>();
        deployables.forEach(d -> byId.putIfAbsent(d.getProject().id(), d));
        return new ArrayList<>(byId.values());
    }

    public static Map<PlacementNames, List<Deployable>> placements(List<ProjectInput> inputs) {
        Map<PlacementNames, List<Deployable>> placements = new LinkedHashMap<>();
        for (ProjectInput input : inputs) {
            Placement placement = input.deployable().getPlacement();
            placements.computeIfAbsent(PlacementNames.of(placement), p -> new ArrayList<>()).add(input.deployable());
        }
        return placements;
    }
}
