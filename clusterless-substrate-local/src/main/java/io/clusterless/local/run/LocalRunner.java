package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ScheduleTick;
import io.clusterless.engine.boundary.InfrequentBoundary;
import io.clusterless.engine.boundary.ObjectCreatedEvent;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.local.bus.LocalEventBus;
import io.clusterless.local.catalog.LocalCatalog;
import io.clusterless.local.endpoint.LocalS3Endpoint;
import io.clusterless.local.endpoint.WorkloadGrant;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.resource.LocalResourceContext;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.store.RootLock;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.Deployable;
import io.clusterless.model.Resource;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.reference.ReferenceResolver;
import io.clusterless.naming.ProjectNames;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a placement on one machine: {@link LandingFolders} turns files in the boundaries' folders into S3 events on
 * an in-process bus that routes them with the stacks' own patterns; infrequent boundaries handle them at once,
 * frequent ones queue them ({@link FrequentLots}) until their interval ends; every arc whose listener rule matches
 * runs through the runtime's gates and workloads ({@link ArcRunner}), up to {@code parallelism} at once.
 * <p>
 * Everything that must survive a crash is a file under the root: objects, manifests and arc state (written
 * atomically by {@link FileObjectStore}), the frequent boundaries' queues and closed intervals, and the log of
 * handled arrivals. On start, every arc lot whose source is announced but whose state is not {@code complete} is run
 * again, which is how events lost with a killed process are recovered.
 */
public final class LocalRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalRunner.class.getName());

    private final RunOptions options;
    private final LocalPlan plan;
    private final Clock clock;
    private final Instant started;
    private final RootLock lock;
    private final WorkloadLeases leases;
    private final FileObjectStore store;
    private final LocalEventBus bus;
    private final LandingFolders landing;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<FrequentLots> frequents = new ArrayList<>();
    private final List<LocalSchedule> schedules = new ArrayList<>();
    private final Map<String, ArcRunner> arcs = new LinkedHashMap<>();
    private final List<LocalExecutor> workloads = new ArrayList<>();
    private final Map<String, SinkDataset> owners = new LinkedHashMap<>();
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final String path;
    private final LocalTypes types;
    private final List<String> notices = new ArrayList<>();
    /** The lots this process has submitted, by rule name and the event's lot: recovery adds no second run of one. */
    private final java.util.Set<String> submittedLots = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per rule name, the lots whose run an earlier process left running and this one ended before starting. */
    private final Map<String, java.util.Set<String>> abandoned = new java.util.HashMap<>();
    /** The roll-up lots this process has ticked (rule name and lot). */
    private final java.util.Set<String> lateTicked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private LocalS3Endpoint endpoint;

    public LocalRunner(LocalPlan plan, RunOptions options, Clock clock) {
        this(plan, options, clock, System.getenv("PATH"));
    }

    /** @param path where function arcs' runtimes (python3, node, java) are looked up, and the PATH they run with */
    LocalRunner(LocalPlan plan, RunOptions options, Clock clock, String path) {
        this(plan, options, clock, path, LocalTypes.defaultTypes());
    }

    /** @param types the local side of each component type: how its arcs execute, what its resources are */
    LocalRunner(LocalPlan plan, RunOptions options, Clock clock, String path, LocalTypes types) {
        this.path = path;
        this.types = types;
        this.plan = plan;
        this.options = options;
        this.clock = clock;
        this.started = clock.instant();
        this.lock = RootLock.acquire(options.root());
        try {
            this.store = new FileObjectStore(options.root());
            // before any lot runs: a workload an earlier run left behind must not run beside its lot's new run
            this.leases = new WorkloadLeases(options.root().resolve("local").resolve("workloads"));
            leases.reclaimAll();
            clearTemporaryFiles();
            this.bus = new LocalEventBus(plan.placement().arcEventBus(), clock);
            this.landing = new LandingFolders(store.bucketsRoot(), options.root().resolve("local").resolve("arrivals.log"),
                    bus, clock);
            this.pool = Executors.newFixedThreadPool(options.parallelism(), runnable -> {
                Thread thread = new Thread(runnable, "cls-local-arc");
                thread.setDaemon(true);
                return thread;
            });
            place();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public FileObjectStore store() {
        return store;
    }

    public LocalPlan plan() {
        return plan;
    }

    /**
     * One line per thing of the plan that this run leaves out, said before anything runs: each arc whose type
     * declares that it cannot run locally, with its reason.
     */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Asks a watching run to finish what it is doing and return. */
    public void stop() {
        stopping = true;
    }

    /**
     * Runs until stopped, or with {@code untilIdle} until nothing is left: every file noticed, every interval that
     * ended since the first arrival closed, every arc run finished.
     */
    public void run(Consumer<RunProgress> progress) throws InterruptedException {
        endAbandonedRuns();
        boolean recovered = false;
        while (true) {
            LandingFolders.Look look = landing.look();
            arrived.addAndGet(look.arrivals());
            int closedNow = closeIntervals();
            if (!recovered) {
                // after the first close: a close a kill interrupted is repeated there and announces its lot again
                recover();
                recovered = true;
            }
            int firedNow = fireTicks();
            awaitQuiet(progress);
            if (!look.unsettled() && !landing.hasNew() && startDueRollUps() > 0) {
                awaitQuiet(progress);
                continue; // what the late lots announced may close more
            }
            if (stopping) {
                return;
            }
            if (options.untilIdle() && closedNow == 0 && firedNow == 0 && !look.unsettled() && !landing.hasNew()) {
                return;
            }
            if (!options.untilIdle() || look.unsettled()) {
                sleep(options.untilIdle() ? LandingFolders.SETTLE : options.pollInterval(), progress);
            }
        }
    }

    public RunProgress progress() {
        return new RunProgress(arrived.get(), closed.get(), runs.get(), skipped.get(), failed.get(), inFlight.get(),
                Duration.between(started, clock.instant()).toMillis() / 1000.0);
    }

    /** Objects queued in frequent boundaries whose interval has not ended yet. */
    public int waitingForInterval() {
        return frequents.stream().mapToInt(FrequentLots::waiting).sum();
    }

    // ---- placing ------------------------------------------------------------------------------------------------

    private void place() {
        for (String bucket : List.of(plan.placement().metadataBucket(), plan.placement().manifestBucket(),
                plan.placement().arcStateBucket())) {
            createBucket(bucket);
        }
        new PlacementRecords(store, clock).write(plan.placementPlan());
        for (LocalPlan.BoundaryEntry boundary : plan.boundaries()) {
            SinkDataset dataset = boundary.props().dataset();
            owners.put(dataset.id(), dataset);
            S3Location location = boundary.props().location();
            createBucket(location.bucket());
            landing.watch(location.bucket(), location.prefix());
            if (boundary.frequent()) {
                FrequentLots frequent = new FrequentLots(boundary, store, bus,
                        options.root().resolve("local").resolve("queues").resolve(boundary.props().sqsQueueName()),
                        clock.instant());
                frequents.add(frequent);
                bus.addRule(boundary.ruleName(), boundary.eventPattern(),
                        listening(boundary.project(), boundary.model().getName(), frequent::arrive));
            } else {
                InfrequentBoundary handler = new InfrequentBoundary(boundary.props(), store, bus);
                bus.addRule(boundary.ruleName(), boundary.eventPattern(), listening(boundary.project(),
                        boundary.model().getName(), event -> handler.handle(ObjectCreatedEvent.of(event))));
            }
        }
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            arc.model().getSinks().values().forEach(sink -> {
                owners.put(sink.id(), sink);
                if (sink.getPathURI() != null && sink.getPathURI().startsWith("s3://")) {
                    createBucket(S3Location.parse(sink.getPathURI()).bucket());
                }
            });
        }
        LocalExecutorContext executors = new LocalExecutorContext(store, options.projectDir(), options.root(),
                this::endpointEnvironment, leases, clock, path, plan, placeResources(), options.parallelism());
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            LocalArcType type = types.arc(arc.model().getType()).orElseThrow(() -> new IllegalArgumentException(
                    "arc " + arc.model().getName() + " of type " + arc.model().getType()
                            + " cannot run on the local substrate"));
            Optional<String> unsupported = type.notSupportedLocally();
            if (unsupported.isPresent()) {
                notices.add("arc " + arc.model().getName() + " of " + arc.project().project() + " is not run: "
                        + arc.model().getType() + " does not run locally (" + unsupported.get() + ")");
                continue;
            }
            LocalExecutor executor = type.executor(arc, executors);
            workloads.add(executor);
            ArcRunner runner = new ArcRunner(arc, store, bus, executor, clock);
            arcs.put(arc.ruleName(), runner);
            Optional<ArcSchedule> schedule = ArcSchedule.of(arc.model());
            if (schedule.isPresent()) { // its schedule starts it, no source lot does (ADR-0013)
                schedules.add(new LocalSchedule(arc, schedule.get(), store, started));
                continue;
            }
            bus.addRule(arc.ruleName(), arc.listenerPattern(), listening(arc.project(), arc.model().getName(),
                    event -> {
                        ArcNotifyEvent notification = notification(event);
                        submit(runner, notification.lot(), () -> runner.run(notification));
                    }));
        }
    }

    /**
     * A rule target that drops the event while the component's listener is disabled (ADR-0004), as EventBridge
     * does for a disabled rule. The record is read per event so that {@code cls disable} from another process
     * takes effect at once.
     */
    private Consumer<JsonNode> listening(ProjectNames project, String component, Consumer<JsonNode> target) {
        return event -> {
            if (switches().enabled(project.project(), project.version(), component)) {
                target.accept(event);
            } else {
                LOG.log(System.Logger.Level.INFO, "{0} of {1} is disabled: event not delivered", component,
                        project.project() + "/" + project.version());
            }
        };
    }

    private ListenerSwitches switches() {
        return new ListenerSwitches(store, plan.placement().metadataBucket(), clock);
    }

    /**
     * Places every resource that is not excluded as its type declares (bucket folders, catalog tables); returns the
     * local catalog with the tables declared.
     */
    private LocalCatalog placeResources() {
        Map<String, String> tables = LocalResourceContext.newTableLocations();
        for (Deployable deployable : plan.deployables()) {
            LocalResourceContext context = new LocalResourceContext(store.bucketsRoot(),
                    new ReferenceResolver(ComponentRegistry.defaultRegistry(), deployable.getResources()), tables);
            for (Resource resource : deployable.getResources()) {
                if (resource.isExclude()) {
                    continue;
                }
                LocalResourceType type = types.resource(resource.getType()).orElseThrow(() ->
                        new IllegalArgumentException("resource " + resource.getName() + " of type "
                                + resource.getType() + " has no local form"));
                type.place(resource, context);
            }
        }
        return new LocalCatalog(options.root().resolve("catalog"), tables);
    }

    /** Credentials for one batch or function arc, fresh for this run and limited to what its job role may do on AWS. */
    private Map<String, String> endpointEnvironment(LocalPlan.ArcEntry arc) {
        ArcPlan shared = plan.placementPlan().projects().stream()
                .flatMap(project -> project.arcs().stream())
                .filter(candidate -> candidate.model() == arc.model())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("arc " + arc.model().getName() + " is not planned"));
        WorkloadGrant grant = WorkloadGrant.forArc(arc.workloadProps(), shared.sourceOwners(),
                plan.placement().manifestBucket());
        if (shared.gateProps().coversLots()) { // its runs read the start gate's covered-manifests documents
            grant = grant.readingAlso(new WorkloadGrant.Scope(plan.placement().manifestBucket(),
                    shared.gateProps().arcStateURI().coveredManifestsKeyPath()));
        }
        return endpoint().environmentFor(grant);
    }

    private synchronized LocalS3Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = LocalS3Endpoint.start(store.bucketsRoot());
        }
        return endpoint;
    }

    /** Closes, in every frequent boundary, each interval that ended since its first arrival; returns how many. */
    private int closeIntervals() {
        int count = 0;
        for (FrequentLots frequent : frequents) {
            count += frequent.closeEnded(clock.instant(), () -> stopping);
        }
        closed.addAndGet(count);
        return count;
    }

    // ---- arcs ---------------------------------------------------------------------------------------------------

    private static ArcNotifyEvent notification(JsonNode event) {
        try {
            return Json.records().treeToValue(event.path("detail"), ArcNotifyEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an arc notification: " + event, e);
        }
    }

    /**
     * Fires, for every scheduled arc whose listener is enabled, each tick that came due since the last look (at
     * start: since the arc's floor) and whose lot has no state yet, unless the arc was disabled at the tick's time;
     * a lot a killed run left {@code running} runs again. Returns how many ticks it fired.
     */
    private int fireTicks() {
        int fired = 0;
        ListenerSwitches switches = null;
        for (LocalSchedule schedule : schedules) {
            List<Instant> due = schedule.due(clock.instant());
            boolean catchingUp = schedule.catchingUp();
            if (due.isEmpty()) {
                continue;
            }
            LocalPlan.ArcEntry arc = schedule.arc();
            ArcRunner runner = arcs.get(arc.ruleName());
            switches = switches == null ? switches() : switches;
            String projectId = arc.project().project() + "/" + arc.project().version();
            if (!switches.enabled(arc.project().project(), arc.project().version(), arc.model().getName())) {
                LOG.log(System.Logger.Level.INFO, "{0} of {1} is disabled: {2} tick(s) not fired",
                        arc.model().getName(), projectId, due.size());
                continue;
            }
            Map<String, ArcState> states = arcStates(arc);
            for (Instant tick : due) {
                String lot = schedule.lotOf(tick).format();
                ArcState state = states.get(lot);
                // a lot whose run died with an earlier process runs again (endAbandonedRuns made it missing)
                boolean recovering = catchingUp
                        && abandoned.getOrDefault(arc.ruleName(), java.util.Set.of()).contains(lot);
                if (state != null && !recovering) {
                    continue; // the tick ran (or cls exec ran its lot): a tick runs its lot once
                }
                if (switches.disabledAt(projectId, arc.model().getName(), tick)) {
                    continue; // as EventBridge drops a disabled rule's ticks
                }
                submit(runner, lot, () -> runner.tick(tick, schedule.schedule().lotUnit()));
                states.put(lot, ArcState.running); // a second tick of the same lot in this look finds it
                fired++;
            }
        }
        return fired;
    }

    private void submit(ArcRunner runner, String lot, java.util.function.Supplier<ArcRunner.Outcome> work) {
        submittedLots.add(runner.ruleName() + " " + lot);
        inFlight.incrementAndGet();
        pool.execute(() -> {
            try {
                ArcRunner.Outcome outcome = work.get();
                switch (outcome) {
                    case ALREADY_RUNNING:
                    case ALREADY_COMPLETE:
                    case WAITING:
                        skipped.incrementAndGet();
                        break;
                    case COMPLETE:
                        runs.incrementAndGet();
                        break;
                    default:
                        runs.incrementAndGet();
                        failed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "arc " + runner.name() + " lot " + lot + " failed: "
                        + e.getMessage(), e);
            } finally {
                synchronized (inFlight) {
                    inFlight.decrementAndGet();
                    inFlight.notifyAll();
                }
            }
        });
    }

    /**
     * Ends, before anything runs, every arc lot's run that an earlier process left {@code running} (ADR-0008): this
     * process holds the root's lock, so that process died, and its workloads were ended with their leases. The lots
     * become {@code missing}; {@link #recover()} and the first ticks start them again through the ordinary gate.
     */
    private void endAbandonedRuns() {
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            ArcRunner runner = arcs.get(arc.ruleName());
            if (runner == null) {
                continue; // its type does not run locally (see notices())
            }
            runningLots(arc).forEach(lot -> {
                if (runner.endAbandoned(lot)) {
                    LOG.log(System.Logger.Level.INFO, "arc {0} lot {1}: ended the run an earlier process left",
                            runner.name(), lot);
                    abandoned.computeIfAbsent(arc.ruleName(), rule -> new java.util.HashSet<>()).add(lot);
                }
            });
        }
    }

    /**
     * Runs again every arc lot whose source lot is announced (a final manifest exists) but whose state is not
     * {@code complete}: the events for them died with an earlier process. A lot this process has already submitted
     * (a repeated close announced it again) is not submitted twice.
     */
    private void recover() {
        ListenerSwitches switches = switches();
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            ArcRunner runner = arcs.get(arc.ruleName());
            if (runner == null) {
                continue; // its type does not run locally (see notices())
            }
            if (arc.model().getSchedule() != null) {
                continue; // its ticks' first look resumes it (fireTicks)
            }
            String projectId = arc.project().project() + "/" + arc.project().version();
            if (!switches.enabled(arc.project().project(), arc.project().version(), arc.model().getName())) {
                continue; // a disabled arc processes nothing; cls exec runs its lots
            }
            Map<String, ArcState> states = arcStates(arc);
            for (SourceDataset source : arc.model().getSources().values()) {
                SinkDataset owner = owners.get(source.id());
                if (!source.isSubscribe() || owner == null) {
                    continue;
                }
                for (Map.Entry<ManifestURI, Instant> announced : finalManifests(source).entrySet()) {
                    ManifestURI manifest = announced.getKey();
                    // a lot announced while the arc was disabled was not delivered, so it is not recovered either
                    if (states.get(arcLotOf(arc, manifest.lot())) != ArcState.complete
                            && !switches.disabledAt(projectId, arc.model().getName(), announced.getValue())
                            && !submittedLots.contains(runner.ruleName() + " " + manifest.lot())) {
                        ArcNotifyEvent event = new ArcNotifyEvent(owner, manifest.lot(), manifest.identifier());
                        submit(runner, event.lot(), () -> runner.run(event));
                    }
                }
            }
        }
    }

    /**
     * The late ticks of roll-ups with {@code lateAfter} (ADR-0012), run once the landing folders are settled and every
     * run has ended (so a late lot starts with every source lot this run could have brought): each roll-up lot that
     * holds some covered source lot, has no state yet and whose deadline has passed is started with what is there.
     * Returns how many lots were submitted.
     */
    private int startDueRollUps() {
        int submitted = 0;
        ListenerSwitches switches = switches();
        Instant now = clock.instant();
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            ArcRunner runner = arcs.get(arc.ruleName());
            var rollUp = arc.gateProps().rollUp();
            if (runner == null || rollUp == null || rollUp.lateAfter() == null
                    || !switches.enabled(arc.project().project(), arc.project().version(), arc.model().getName())) {
                continue;
            }
            Map<String, ArcState> states = arcStates(arc);
            java.util.SortedSet<LotId> due = new java.util.TreeSet<>();
            for (String role : arc.gateProps().barrier().keySet()) {
                for (ManifestURI manifest : finalManifests(arc.model().getSources().get(role)).keySet()) {
                    LotId lot = LotId.of(rollUp.lotUnit(), LotId.parse(manifest.lot()).start());
                    if (!states.containsKey(lot.format()) && rollUp.deadline(lot).filter(d -> !now.isBefore(d))
                            .isPresent()) {
                        due.add(lot);
                    }
                }
            }
            for (LotId lot : due) {
                if (!lateTicked.add(arc.ruleName() + " " + lot.format())) {
                    continue; // one tick per lot and process: a lot the tick left waiting must not spin the loop
                }
                submitDue(runner, lot.format());
                submitted++;
            }
        }
        return submitted;
    }

    private void submitDue(ArcRunner runner, String arcLot) {
        inFlight.incrementAndGet();
        pool.execute(() -> {
            try {
                ArcRunner.Outcome outcome = runner.runDue(arcLot);
                if (outcome == ArcRunner.Outcome.COMPLETE) {
                    runs.incrementAndGet();
                } else if (outcome == ArcRunner.Outcome.WAITING || outcome == ArcRunner.Outcome.ALREADY_RUNNING
                        || outcome == ArcRunner.Outcome.ALREADY_COMPLETE) {
                    skipped.incrementAndGet();
                } else {
                    runs.incrementAndGet();
                    failed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.log(System.Logger.Level.ERROR, "arc " + runner.name() + " late lot " + arcLot + " failed: "
                        + e.getMessage(), e);
            } finally {
                synchronized (inFlight) {
                    inFlight.decrementAndGet();
                    inFlight.notifyAll();
                }
            }
        });
    }

    /** The arc's lot a source lot belongs to: itself, or for a roll-up the lot of the arc's unit containing it. */
    private static String arcLotOf(LocalPlan.ArcEntry arc, String sourceLot) {
        var rollUp = arc.gateProps().rollUp();
        return rollUp == null ? sourceLot : LotId.of(rollUp.lotUnit(), LotId.parse(sourceLot).start()).format();
    }

    /** The lots of the arc with a {@code running} state object, beside another or not, from one listing. */
    private java.util.Set<String> runningLots(LocalPlan.ArcEntry arc) {
        java.util.Set<String> lots = new java.util.TreeSet<>();
        stateObjects(arc, (lot, state) -> {
            if (state == ArcState.running) {
                lots.add(lot);
            }
        });
        return lots;
    }

    private Map<String, ArcState> arcStates(LocalPlan.ArcEntry arc) {
        Map<String, ArcState> states = new LinkedHashMap<>();
        stateObjects(arc, states::put);
        return states;
    }

    private void stateObjects(LocalPlan.ArcEntry arc, java.util.function.BiConsumer<String, ArcState> each) {
        ArcStateURI uri = arc.gateProps().arcStateURI();
        String prefix = uri.path().substring(("s3://" + uri.bucket() + "/").length());
        store.listAll(uri.bucket(), prefix, null).forEach(object -> {
            try {
                ArcStateURI state = ArcStateURI.parse(object.uri());
                if (state.lot() != null && state.state() != null) {
                    each.accept(state.lot(), state.state());
                }
            } catch (IllegalArgumentException e) {
                // not a state object
            }
        });
    }

    /** Each final manifest of the source, with when it was written. */
    private Map<ManifestURI, Instant> finalManifests(SourceDataset source) {
        ManifestURI dataset = ManifestURI.of(plan.placement().manifestBucket(), source);
        String prefix = dataset.path().substring(("s3://" + dataset.bucket() + "/").length());
        Map<ManifestURI, Instant> found = new LinkedHashMap<>();
        store.listAll(dataset.bucket(), prefix, null).forEach(info -> {
            try {
                ManifestURI manifest = ManifestURI.parse(info.uri());
                if (manifest.currentFinal()) {
                    found.put(manifest, info.lastModified());
                }
            } catch (IllegalArgumentException e) {
                // not a manifest key
            }
        });
        return found;
    }

    /**
     * Runs lots of one arc now, for {@code cls exec}: each through the arc's gates and workload as if its listener
     * had delivered the event (also while the listener is disabled: exec is how skipped lots are filled), up to
     * {@code parallelism} at once. Sink manifests are announced on the bus, so enabled downstream arcs run too;
     * returns once every run, downstream ones included, has ended.
     *
     * @return the outcome of each lot, in the order given: {@code complete}, {@code partial}, {@code missing},
     * {@code alreadyRunning}, {@code alreadyComplete}, {@code waiting} (a join's other sources have not arrived) or
     * {@code failed}
     */
    public Map<String, String> exec(ProjectNames project, String arcName, List<ArcNotifyEvent> events)
            throws InterruptedException {
        return exec(project, arcName, events, List.of());
    }

    /**
     * As {@link #exec(ProjectNames, String, List)}, plus late ticks for roll-up lots past their deadline
     * ({@code dueLots}, ADR-0012). Outcomes are keyed by the arc's lot (a roll-up's, not its source's).
     */
    public Map<String, String> exec(ProjectNames project, String arcName, List<ArcNotifyEvent> events,
                                    List<String> dueLots) throws InterruptedException {
        LocalPlan.ArcEntry entry = plan.arcs().stream().filter(arc -> arc.project().equals(project)
                && arc.model().getName().equals(arcName)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no arc " + arcName + " in project " + project.project() + "/" + project.version()));
        ArcRunner runner = arcs.get(entry.ruleName());
        if (runner == null) {
            throw new IllegalArgumentException("arc " + arcName + " does not run locally: "
                    + types.arc(entry.model().getType()).flatMap(LocalArcType::notSupportedLocally).orElse("no executor"));
        }
        Map<String, Future<ArcRunner.Outcome>> submitted = new LinkedHashMap<>();
        try {
            Optional<ArcSchedule> schedule = ArcSchedule.of(entry.model());
            for (ArcNotifyEvent event : events) {
                // a scheduled arc's lot runs as the tick at its end would run it (ADR-0013)
                submitted.put(arcLotOf(entry, event.lot()), pool.submit(() -> schedule.isPresent()
                        ? runner.tick(ScheduleTick.of(LotId.parse(event.lot())).time(), schedule.get().lotUnit())
                        : runner.run(event)));
            }
            for (String lot : dueLots) {
                submitted.put(lot, pool.submit(() -> runner.runDue(lot)));
            }
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ArcRunner.Outcome>> run : submitted.entrySet()) {
                String outcome;
                try {
                    outcome = outcomeName(run.getValue().get());
                } catch (ExecutionException e) {
                    LOG.log(System.Logger.Level.ERROR, "arc " + runner.name() + " lot " + run.getKey() + " failed: "
                            + e.getCause().getMessage(), e.getCause());
                    outcome = "failed";
                }
                outcomes.put(run.getKey(), outcome);
                if (!outcome.startsWith("already") && !outcome.equals("waiting")) {
                    runs.incrementAndGet();
                    if (!outcome.equals("complete")) {
                        failed.incrementAndGet();
                    }
                }
            }
            return outcomes;
        } finally {
            awaitQuiet(progress -> { }); // the downstream runs the direct ones announced
        }
    }

    private static String outcomeName(ArcRunner.Outcome outcome) {
        switch (outcome) {
            case ALREADY_RUNNING:
                return "alreadyRunning";
            case ALREADY_COMPLETE:
                return "alreadyComplete";
            default:
                return outcome.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // ---- waiting ------------------------------------------------------------------------------------------------

    private void awaitQuiet(Consumer<RunProgress> progress) throws InterruptedException {
        synchronized (inFlight) {
            while (inFlight.get() > 0) {
                inFlight.wait(250);
                progress.accept(progress());
            }
        }
        progress.accept(progress());
    }

    private void sleep(Duration duration, Consumer<RunProgress> progress) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        while (!stopping && System.nanoTime() < end) {
            Thread.sleep(Math.min(250, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            progress.accept(progress());
        }
    }

    private void createBucket(String bucket) {
        try {
            Files.createDirectories(store.bucketsRoot().resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bucket folder " + bucket, e);
        }
    }

    private void clearTemporaryFiles() {
        Path tmp = options.root().resolve("tmp");
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot clear {0}: {1}", tmp, e.getMessage());
        }
    }

    @Override
    public void close() {
        stopping = true;
        pool.shutdown();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workloads.forEach(LocalExecutor::close);
        landing.close();
        if (endpoint != null) {
            endpoint.close();
        }
        lock.close();
    }
}
