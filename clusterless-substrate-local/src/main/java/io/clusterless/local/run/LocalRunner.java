package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.local.bus.LocalEventBus;
import io.clusterless.local.endpoint.LocalS3Endpoint;
import io.clusterless.local.metadata.PlacementRecords;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.local.store.RootLock;
import io.clusterless.local.workload.LocalBatchWorkload;
import io.clusterless.local.workload.LocalCatalog;
import io.clusterless.local.workload.LocalWorkload;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.BatchExecArc;
import io.clusterless.model.core.arc.GlueAddPartitionsArc;
import io.clusterless.model.core.arc.S3CopyArc;
import io.clusterless.runtime.boundary.FrequentBoundary;
import io.clusterless.runtime.boundary.InfrequentBoundary;
import io.clusterless.runtime.boundary.ObjectCreatedEvent;
import io.clusterless.runtime.location.S3Location;
import io.clusterless.runtime.store.ObjectInfo;
import io.clusterless.runtime.workload.glue.GlueAddPartitionsWorkload;
import io.clusterless.runtime.workload.s3copy.S3CopyWorkload;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a placement on one machine: notices files in the boundaries' landing folders, turns them into S3 events on
 * an in-process bus that routes them with the stacks' own patterns, runs the runtime's boundaries, and runs every arc
 * whose listener rule matches through the runtime's gates and workloads, up to {@code parallelism} at once.
 * <p>
 * Everything that must survive a crash is a file under the root: objects, manifests and arc state (written
 * atomically by {@link FileObjectStore}), the frequent boundaries' queues and closed intervals, and the log of
 * handled arrivals. On start, every arc lot whose source is announced but whose state is not {@code complete} is run
 * again, which is how events lost with a killed process are recovered.
 */
public final class LocalRunner implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalRunner.class.getName());
    /** A file younger than this may still be being written; it is noticed on a later look. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private final RunOptions options;
    private final LocalPlan plan;
    private final Clock clock;
    private final Instant started;
    private final RootLock lock;
    private final FileObjectStore store;
    private final LocalEventBus bus;
    private final ArrivalLog arrivals;
    private final ExecutorService pool;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Frequent> frequents = new ArrayList<>();
    private final Map<String, ArcRunner> arcs = new LinkedHashMap<>();
    private final Map<String, SinkDataset> owners = new LinkedHashMap<>();
    private final Set<ListenedFolder> folders = new LinkedHashSet<>();
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean stopping;
    private LocalS3Endpoint endpoint;

    private record ListenedFolder(String bucket, String prefix) {
    }

    /** A frequent boundary with its queue and the file recording which intervals it closed. */
    private record Frequent(LocalPlan.BoundaryEntry entry, FrequentBoundary boundary, FileMessageQueue queue,
                            Path stateFile) {
    }

    public LocalRunner(LocalPlan plan, RunOptions options, Clock clock) {
        this.plan = plan;
        this.options = options;
        this.clock = clock;
        this.started = clock.instant();
        this.lock = RootLock.acquire(options.root());
        try {
            this.store = new FileObjectStore(options.root());
            clearTemporaryFiles();
            this.bus = new LocalEventBus(plan.placement().arcEventBus(), clock);
            this.arrivals = new ArrivalLog(options.root().resolve("local").resolve("arrivals.log"));
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

    /** Asks a watching run to finish what it is doing and return. */
    public void stop() {
        stopping = true;
    }

    /**
     * Runs until stopped, or with {@code untilIdle} until nothing is left: every file noticed, every interval that
     * ended since the first arrival closed, every arc run finished.
     */
    public void run(Consumer<RunProgress> progress) throws InterruptedException {
        recover();
        while (true) {
            boolean unsettled = scan();
            int closedNow = closeIntervals();
            awaitQuiet(progress);
            if (stopping) {
                return;
            }
            if (options.untilIdle() && closedNow == 0 && !unsettled && !scanFindsWork()) {
                return;
            }
            if (!options.untilIdle() || unsettled) {
                sleep(options.untilIdle() ? SETTLE : options.pollInterval(), progress);
            }
        }
    }

    public RunProgress progress() {
        return new RunProgress(arrived.get(), closed.get(), runs.get(), skipped.get(), failed.get(), inFlight.get(),
                Duration.between(started, clock.instant()).toMillis() / 1000.0);
    }

    /** Objects queued in frequent boundaries whose interval has not ended yet. */
    public int waitingForInterval() {
        return frequents.stream().mapToInt(frequent -> frequent.queue().size()).sum();
    }

    // ---- placing ------------------------------------------------------------------------------------------------

    private void place() {
        for (String bucket : List.of(plan.placement().metadataBucket(), plan.placement().manifestBucket(),
                plan.placement().arcStateBucket())) {
            createBucket(bucket);
        }
        new PlacementRecords(store, clock).write(plan);
        for (LocalPlan.BoundaryEntry boundary : plan.boundaries()) {
            SinkDataset dataset = boundary.props().dataset();
            owners.put(dataset.id(), dataset);
            S3Location location = boundary.props().location();
            createBucket(location.bucket());
            folders.add(new ListenedFolder(location.bucket(), location.prefix()));
            if (boundary.frequent()) {
                Path dir = options.root().resolve("local").resolve("queues").resolve(boundary.props().sqsQueueName());
                FileMessageQueue queue = new FileMessageQueue(dir);
                Frequent frequent = new Frequent(boundary, new FrequentBoundary(boundary.props(), store, queue, bus),
                        queue, dir.resolve("intervals.json"));
                frequents.add(frequent);
                bus.addRule(boundary.ruleName(), boundary.eventPattern(), event -> enqueue(frequent, event));
            } else {
                InfrequentBoundary handler = new InfrequentBoundary(boundary.props(), store, bus);
                bus.addRule(boundary.ruleName(), boundary.eventPattern(),
                        event -> handler.handle(ObjectCreatedEvent.of(event)));
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
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            ArcRunner runner = new ArcRunner(arc, store, bus, workload(arc), clock, started);
            arcs.put(arc.ruleName(), runner);
            bus.addRule(arc.ruleName(), arc.listenerPattern(), event -> submit(runner, notification(event), false));
        }
    }

    private LocalWorkload workload(LocalPlan.ArcEntry arc) {
        if (arc.model() instanceof S3CopyArc) {
            S3CopyWorkload copy = new S3CopyWorkload(store);
            return copy::run;
        }
        if (arc.model() instanceof GlueAddPartitionsArc) {
            GlueAddPartitionsWorkload glue = new GlueAddPartitionsWorkload(store,
                    new LocalCatalog(options.root().resolve("catalog"), Map.of()));
            return glue::run;
        }
        if (arc.model() instanceof BatchExecArc) {
            BatchExecArc batch = (BatchExecArc) arc.model();
            String imagePath = batch.getWorkload().getImagePath();
            Path image = imagePath == null ? options.projectDir() : options.projectDir().resolve(imagePath);
            if (!Files.isDirectory(image) && imagePath != null && Files.isDirectory(Path.of(imagePath))) {
                image = Path.of(imagePath);
            }
            return new LocalBatchWorkload(batch.getWorkload(), image.toAbsolutePath(), endpoint().environment(), store,
                    options.root().resolve("local").resolve("logs").resolve(arc.model().getName()));
        }
        throw new IllegalArgumentException("arc " + arc.model().getName() + " of type " + arc.model().getType()
                + " cannot run on the local substrate");
    }

    private synchronized LocalS3Endpoint endpoint() {
        if (endpoint == null) {
            endpoint = LocalS3Endpoint.start(store.bucketsRoot());
        }
        return endpoint;
    }

    // ---- arrivals -----------------------------------------------------------------------------------------------

    /** Looks at every landing folder once; true if some file was too fresh to take yet. */
    private boolean scan() {
        boolean unsettled = false;
        Instant settled = clock.instant().minus(SETTLE);
        for (ListenedFolder folder : folders) {
            for (Path file : files(folder)) {
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(file).toInstant();
                } catch (IOException e) {
                    continue; // gone since the listing
                }
                // a file dated further ahead than the settling time was dated on purpose (or by a skewed clock):
                // waiting for it to settle would never end, so it is taken as it is
                if (modified.isAfter(settled) && !modified.isAfter(clock.instant().plus(SETTLE))) {
                    unsettled = true;
                    continue;
                }
                String key = keyOf(folder.bucket(), file);
                String arrival = "s3://" + folder.bucket() + "/" + key + "\t" + modified.toEpochMilli();
                if (arrivals.seen(arrival)) {
                    continue;
                }
                bus.put("aws.s3", "Object Created", objectCreated(folder.bucket(), key, file), modified);
                arrivals.record(arrival);
                arrived.incrementAndGet();
            }
        }
        return unsettled;
    }

    /** Whether a look now would find a file not yet handled (used before stopping when idle). */
    private boolean scanFindsWork() {
        for (ListenedFolder folder : folders) {
            for (Path file : files(folder)) {
                try {
                    long modified = Files.getLastModifiedTime(file).toMillis();
                    if (!arrivals.seen("s3://" + folder.bucket() + "/" + keyOf(folder.bucket(), file) + "\t" + modified)) {
                        return true;
                    }
                } catch (IOException e) {
                    // gone
                }
            }
        }
        return false;
    }

    private List<Path> files(ListenedFolder folder) {
        Path bucketDir = store.bucketsRoot().resolve(folder.bucket());
        int slash = folder.prefix().lastIndexOf('/');
        Path dir = slash < 0 ? bucketDir : bucketDir.resolve(folder.prefix().substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> keyOf(folder.bucket(), path).startsWith(folder.prefix()))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list {0}: {1}", dir, e.getMessage());
            return List.of();
        }
    }

    private String keyOf(String bucket, Path file) {
        return store.bucketsRoot().resolve(bucket).relativize(file).toString().replace('\\', '/');
    }

    private static JsonNode objectCreated(String bucket, String key, Path file) {
        ObjectNode detail = Json.records().createObjectNode();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object");
        object.put("key", key);
        try {
            object.put("size", Files.size(file));
        } catch (IOException e) {
            object.put("size", 0);
        }
        detail.put("reason", "PutObject");
        return detail;
    }

    private void enqueue(Frequent frequent, JsonNode event) {
        String bucket = event.path("detail").path("bucket").path("name").asText();
        String key = event.path("detail").path("object").path("key").asText();
        Instant time = Instant.parse(event.path("time").asText());
        ObjectNode notification = Json.records().createObjectNode();
        ObjectNode record = notification.putArray("Records").addObject();
        record.put("eventSource", "aws:s3");
        record.put("eventName", "ObjectCreated:Put");
        record.put("eventTime", time.toString());
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        String id = sha1("s3://" + bucket + "/" + key + "\t" + time.toEpochMilli());
        if (frequent.queue().send(id, notification.toString(), time)) {
            recordFirstArrival(frequent, time);
        }
    }

    // ---- frequent intervals -------------------------------------------------------------------------------------

    /** Closes every interval that ended since the first arrival and is not closed yet; returns how many. */
    private int closeIntervals() {
        int count = 0;
        for (Frequent frequent : frequents) {
            Intervals intervals = readIntervals(frequent);
            if (intervals.first() == null) {
                continue;
            }
            LotId first = LotId.parse(intervals.first());
            LotId next = intervals.closed() == null ? first : LotId.parse(intervals.closed()).next();
            LotId lastEnded = LotId.of(first.unit(), clock.instant()).previous();
            for (LotId lot = next; lot.compareTo(lastEnded) <= 0 && !stopping; lot = lot.next()) {
                frequent.queue().resetVisibility();
                frequent.boundary().handle(lot.next().start());
                writeIntervals(frequent, new Intervals(intervals.first(), lot.format()));
                closed.incrementAndGet();
                count++;
            }
        }
        return count;
    }

    /** What a frequent boundary has seen: the lot of its first arrival and the last interval it closed. */
    private record Intervals(String first, String closed) {
    }

    private synchronized void recordFirstArrival(Frequent frequent, Instant time) {
        Intervals intervals = readIntervals(frequent);
        if (intervals.first() == null) {
            LotId lot = LotId.of(frequent.entry().props().lotUnit(), time);
            writeIntervals(frequent, new Intervals(lot.format(), null));
        } else if (intervals.closed() == null) {
            LotId lot = LotId.of(frequent.entry().props().lotUnit(), time);
            if (lot.compareTo(LotId.parse(intervals.first())) < 0) {
                writeIntervals(frequent, new Intervals(lot.format(), null));
            }
        }
    }

    private Intervals readIntervals(Frequent frequent) {
        try {
            if (!Files.exists(frequent.stateFile())) {
                return new Intervals(null, null);
            }
            return Json.records().readValue(frequent.stateFile().toFile(), Intervals.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + frequent.stateFile(), e);
        }
    }

    private void writeIntervals(Frequent frequent, Intervals intervals) {
        try {
            Path tmp = frequent.stateFile().resolveSibling(".intervals.tmp");
            Files.write(tmp, Json.records().writeValueAsBytes(intervals));
            Files.move(tmp, frequent.stateFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + frequent.stateFile(), e);
        }
    }

    // ---- arcs ---------------------------------------------------------------------------------------------------

    private static ArcNotifyEvent notification(JsonNode event) {
        try {
            return Json.records().treeToValue(event.path("detail"), ArcNotifyEvent.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an arc notification: " + event, e);
        }
    }

    private void submit(ArcRunner runner, ArcNotifyEvent event, boolean recovering) {
        inFlight.incrementAndGet();
        pool.execute(() -> {
            try {
                ArcRunner.Outcome outcome = recovering ? runner.recover(event) : runner.run(event);
                switch (outcome) {
                    case ALREADY_RUNNING:
                    case ALREADY_COMPLETE:
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
                LOG.log(System.Logger.Level.ERROR, "arc " + runner.name() + " lot " + event.lot() + " failed: "
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
     * Runs again every arc lot whose source lot is announced (a final manifest exists) but whose state is not
     * {@code complete}: the events for them died with an earlier process.
     */
    private void recover() {
        for (LocalPlan.ArcEntry arc : plan.arcs()) {
            ArcRunner runner = arcs.get(arc.ruleName());
            Map<String, ArcState> states = arcStates(arc);
            for (SourceDataset source : arc.model().getSources().values()) {
                SinkDataset owner = owners.get(source.id());
                if (!source.isSubscribe() || owner == null) {
                    continue;
                }
                for (ManifestURI manifest : finalManifests(source)) {
                    if (states.get(manifest.lot()) != ArcState.complete) {
                        submit(runner, new ArcNotifyEvent(owner, manifest.lot(), manifest.identifier()), true);
                    }
                }
            }
        }
    }

    private Map<String, ArcState> arcStates(LocalPlan.ArcEntry arc) {
        ArcStateURI uri = arc.gateProps().arcStateURI();
        String prefix = uri.path().substring(("s3://" + uri.bucket() + "/").length());
        Map<String, ArcState> states = new LinkedHashMap<>();
        store.listAll(uri.bucket(), prefix, null).forEach(object -> {
            try {
                ArcStateURI state = ArcStateURI.parse(object.uri());
                if (state.lot() != null && state.state() != null) {
                    states.put(state.lot(), state.state());
                }
            } catch (IllegalArgumentException e) {
                // not a state object
            }
        });
        return states;
    }

    private List<ManifestURI> finalManifests(SourceDataset source) {
        ManifestURI dataset = ManifestURI.of(plan.placement().manifestBucket(), source);
        String prefix = dataset.path().substring(("s3://" + dataset.bucket() + "/").length());
        List<ManifestURI> found = new ArrayList<>();
        store.listAll(dataset.bucket(), prefix, null).map(ObjectInfo::uri).forEach(uri -> {
            try {
                ManifestURI manifest = ManifestURI.parse(uri);
                if (manifest.state() == ManifestState.complete || manifest.state() == ManifestState.empty) {
                    found.add(manifest);
                }
            } catch (IllegalArgumentException e) {
                // not a manifest key
            }
        });
        return found;
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

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
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
        arrivals.close();
        if (endpoint != null) {
            endpoint.close();
        }
        lock.close();
    }
}
