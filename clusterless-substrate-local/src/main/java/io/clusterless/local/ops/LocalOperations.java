package io.clusterless.local.ops;

import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.ops.ExecOutcome;
import io.clusterless.engine.ops.ExecRequest;
import io.clusterless.engine.ops.ListenerRules;
import io.clusterless.engine.ops.MetadataBuckets;
import io.clusterless.engine.ops.OperationException;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.DeadLetters;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.run.LocalRunner;
import io.clusterless.local.run.RunOptions;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.naming.PlacementNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The operations on placements in a local root: buckets are folders, listeners are only their records (the local
 * runner reads them before it delivers an event), and exec runs lots through the local runner's gates.
 */
public final class LocalOperations implements SubstrateOperations {
    public static final String PROVIDER = "local";

    private final Path root;

    public LocalOperations(Path root) {
        this.root = root;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ObjectStore store(String region) {
        return new FileObjectStore(root);
    }

    /** Local placements have no stacks: their records are all there is. */
    @Override
    public Optional<StackStates> stackStates() {
        return Optional.empty();
    }

    @Override
    public MetadataBuckets metadataBuckets() {
        FileObjectStore files = new FileObjectStore(root);
        List<MetadataBuckets.Found> found = new ArrayList<>();
        for (String bucket : bucketFolders(files.bucketsRoot())) {
            PlacementReader.placementOf(bucket).ifPresent(p -> found.add(new MetadataBuckets.Found(p, bucket)));
        }
        return new MetadataBuckets(files, List.copyOf(found), "under the local root " + root);
    }

    /** A local run makes the placement its project names, whatever the filters. */
    @Override
    public String placementHint(String account, String stage) {
        return projectHint() + " to place one";
    }

    @Override
    public String projectHint() {
        return "cls local run PROJECT_FILE -P local";
    }

    /** Nothing deploys a local placement but cls itself: no record is left for another tool to finish. */
    @Override
    public void reconcileDeploys(List<PlacementNames> placements, ObjectStore store, Consumer<String> note) {
    }

    @Override
    public ListenerRules listenerRules(PlacementNames placement) {
        return (ruleName, busName, enabled) -> PROVIDER;
    }

    @Override
    public DeadLetters deadLetters(PlacementNames placement) {
        return DeadLetters.NONE;
    }

    /** Runs the lots through the local runner, which holds the local root while they and their downstream run. */
    @Override
    public List<ExecOutcome> exec(ExecRequest request) throws InterruptedException {
        List<ExecOutcome> outcomes = new ArrayList<>();
        if (request.lots().isEmpty()) {
            return outcomes;
        }
        LocalPlan plan = LocalPlan.of(request.plan().projects().stream().map(ProjectPlan::deployable).toList());
        RunOptions options = new RunOptions(root, request.projectDir(), true, request.maxConcurrent(), null);
        LocalRunner runner;
        try {
            runner = new LocalRunner(plan, options, request.clock());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new OperationException(e.getMessage());
        }
        try (runner) {
            // the runner holds the local root now: no other cls local run can miss the reopened lots
            request.lots().forEach(request.reopener()::reopen);
            Map<ProjectPlan, List<ExecRequest.Lot>> byProject = new LinkedHashMap<>();
            request.lots().forEach(one -> byProject.computeIfAbsent(one.project(), p -> new ArrayList<>()).add(one));
            for (Map.Entry<ProjectPlan, List<ExecRequest.Lot>> entry : byProject.entrySet()) {
                // roll-up lots past their deadline run as their late tick would (ADR-0012)
                List<ArcNotifyEvent> events = entry.getValue().stream().filter(one -> one.lot().lateTick() == null)
                        .map(one -> one.lot().event()).toList();
                List<String> due = entry.getValue().stream().filter(one -> one.lot().lateTick() != null)
                        .map(one -> one.lot().lot()).toList();
                String arc = entry.getValue().get(0).arc().name();
                Map<String, String> lots = runner.exec(entry.getKey().names(), arc, events, due);
                lots.forEach((lot, outcome) -> outcomes.add(new ExecOutcome(entry.getKey(), lot, outcome, null)));
            }
            // the replays announced their new output, which started the roll-up lots whose covered lots are all
            // there; one that ran late runs late again, as its tick would
            for (ExecRequest.RollUp rollUp : request.rollUps()) {
                Map<String, String> outcome = runner.exec(rollUp.project().names(), rollUp.arc().name(), List.of(),
                        List.of(rollUp.lot()));
                outcomes.add(new ExecOutcome(rollUp.project(), rollUp.lot(), outcome.get(rollUp.lot()), null,
                        rollUp.arc().name()));
            }
        }
        return outcomes;
    }

    private static List<String> bucketFolders(Path buckets) {
        if (!Files.isDirectory(buckets)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(buckets)) {
            return folders.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + buckets, e);
        }
    }
}
