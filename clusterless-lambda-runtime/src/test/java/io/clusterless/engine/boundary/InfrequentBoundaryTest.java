package io.clusterless.engine.boundary;

import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.boundary.s3put.LotSource;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static io.clusterless.engine.boundary.Filters.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The infrequent S3 put boundary against a real S3 API (s3proxy) and a real EventBridge bus (moto_server, observed
 * through a rule with an SQS target).
 */
class InfrequentBoundaryTest {
    private static final String DATA = "listened";
    private static final String MANIFESTS = "manifests";
    private static final Instant T = Instant.parse("2023-02-06T23:51:10Z");
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static S3ProxyServer s3;
    private static ObjectStore store;
    private static MotoServer moto;

    private SinkDataset dataset;
    private String bus;
    private ArcBusProbe probe;
    private EventPublisher publisher;

    @BeforeAll
    static void start() {
        moto = MotoServer.get();
        s3 = S3ProxyServer.start().bucket(DATA).bucket(MANIFESTS);
        store = s3.store();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @BeforeEach
    void freshDatasetAndBus() {
        int n = COUNTER.incrementAndGet();
        dataset = new SinkDataset("ingress" + n, "20220101", "s3://" + DATA + "/ingress" + n + "/");
        bus = "arc-bus-infrequent-" + n;
        probe = new ArcBusProbe(moto.clients(), bus);
        publisher = new EventBridgePublisher(moto.clients(), bus);
    }

    @Test
    void sameEventDeliveredTenTimes_writesOneManifest_andOnlyRepublishesItsEvent() {
        String key = put("part-0.json");
        InfrequentBoundary boundary = boundary(b -> b);
        String event = event(T, DATA, key);

        List<InfrequentOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(boundary.handle(event));
        }

        LotId lot = lotOfModified(key);
        assertThat(outcomes).extracting(InfrequentOutcome::kind).containsOnly(InfrequentOutcome.Kind.MANIFESTED);
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(readManifest(lot, ManifestState.complete))
                .isEqualTo(Manifest.complete(lot.format(), UriType.identifier, List.of(uri(key))));
        assertThat(ledger().lateArrivals(lot)).isEmpty();
        // Re-publishing is deliberate (a crash between manifest and event must be recoverable); every copy is the same
        // event, which the arc start gate dedupes.
        List<ArcNotifyEvent> events = probe.drain();
        assertThat(events).hasSize(10).containsOnly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void sameEventDeliveredTenTimesConcurrently_writesOneManifest() throws Exception {
        String key = put("part-0.json");
        InfrequentBoundary boundary = boundary(b -> b);
        String event = event(T, DATA, key);

        List<InfrequentOutcome> outcomes = concurrently(10, i -> boundary.handle(event));

        LotId lot = lotOfModified(key);
        assertThat(outcomes).extracting(InfrequentOutcome::kind).containsOnly(InfrequentOutcome.Kind.MANIFESTED);
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(probe.drain()).isNotEmpty().containsOnly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void lateObject_inAManifestedLot_isRecorded_notDropped_andDoesNotThrow() {
        String first = put("first.json");
        String second = put("second.json");
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.eventTime));
        LotId lot = LotId.of(LotUnit.TWELFTHS, T);

        InfrequentOutcome manifested = boundary.handle(event(T, DATA, first));
        InfrequentOutcome late = boundary.handle(event(T.plusSeconds(60), DATA, second));
        InfrequentOutcome lateAgain = boundary.handle(event(T.plusSeconds(60), DATA, second));

        assertThat(manifested.kind()).isEqualTo(InfrequentOutcome.Kind.MANIFESTED);
        assertThat(late.kind()).isEqualTo(InfrequentOutcome.Kind.LATE);
        assertThat(late.lot()).isEqualTo(lot.format());
        assertThat(late.manifest()).isEqualTo(manifest(lot, ManifestState.complete).identifier());
        assertThat(late.record()).isEqualTo(ledger().lateKey(lot, uri(second)))
                .startsWith("datasets/name=" + dataset.getName() + "/version=20220101/lot=" + lot + "/late/")
                .endsWith(".json");
        assertThat(lateAgain).isEqualTo(late);
        // the manifest is untouched, the late object is on record under its lot, once
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(readManifest(lot, ManifestState.complete).uris()).containsExactly(uri(first));
        ObjectInfo secondInfo = store.head(DATA, second).orElseThrow();
        assertThat(ledger().lateArrivals(lot)).containsExactly(LateArrival.of(uri(second), lot.format(),
                T.plusSeconds(60), secondInfo.lastModified(), manifest(lot, ManifestState.complete).identifier()));
        // only the lot's own manifest is announced
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void objectsRacingForOneLot_getOneManifest_theRestAreLate() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(put(i % 4 == 0 ? "_SUCCESS" + i : "part-" + i + ".json"));
        }
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.eventTime).filter(filter("{\"excludes\": [\"**/_*\"]}")));

        List<InfrequentOutcome> outcomes = concurrently(8, i -> boundary.handle(event(T, DATA, keys.get(i))));

        LotId lot = LotId.of(LotUnit.TWELFTHS, T);
        // empty (a filtered object won) or complete, never both
        assertThat(manifestKeys()).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.kind() == InfrequentOutcome.Kind.MANIFESTED).hasSize(1);
        long late = outcomes.stream().filter(o -> o.kind() == InfrequentOutcome.Kind.LATE).count();
        assertThat(ledger().lateArrivals(lot)).hasSize((int) late);
        Manifest written = new ManifestStore(store).read(outcomes.stream()
                .filter(o -> o.kind() == InfrequentOutcome.Kind.MANIFESTED).findFirst().orElseThrow().manifest()).orElseThrow();
        // every kept object is either in the manifest or on record as late
        assertThat(written.uris().size() + late).isEqualTo(6);
        assertThat(probe.drain()).isNotEmpty().allMatch(e -> e.lot().equals(lot.format()));
    }

    @Test
    void urlEncodedKeys_areDecoded_beforeUseAndInTheManifest() {
        String key = put("a b/c=d+e.json");
        InfrequentBoundary boundary = boundary(b -> b);
        String encoded = dataset.getName() + "/a%20b/c%3Dd%2Be.json";

        InfrequentOutcome outcome = boundary.handle(event(T, DATA, encoded));
        InfrequentOutcome plusForSpace = boundary.handle(event(T, DATA, dataset.getName() + "/a+b/c%3Dd%2Be.json"));

        LotId lot = lotOfModified(key);
        assertThat(outcome.kind()).isEqualTo(InfrequentOutcome.Kind.MANIFESTED);
        assertThat(outcome.object()).isEqualTo("s3://" + DATA + "/" + dataset.getName() + "/a b/c=d+e.json");
        assertThat(plusForSpace).isEqualTo(outcome);
        assertThat(readManifest(lot, ManifestState.complete).uris()).containsExactly(uri(key));
    }

    @Test
    void folderMarkers_areIgnored() {
        // No object is put: the marker is recognised by its key alone, before any request. (A zero-byte PUT through
        // the URL-connection client to s3proxy fails intermittently, which this test must not depend on.)
        InfrequentBoundary boundary = boundary(b -> b);

        InfrequentOutcome outcome = boundary.handle(event(T, DATA, dataset.getName() + "/folder/"));

        assertThat(outcome.kind()).isEqualTo(InfrequentOutcome.Kind.FOLDER_MARKER);
        assertThat(manifestKeys()).isEmpty();
        assertThat(probe.drain()).isEmpty();
    }

    @Test
    void objectsOutsideTheDataset_areIgnored() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.eventTime));

        assertThat(boundary.handle(event(T, "other-bucket", dataset.getName() + "/x.json")).kind())
                .isEqualTo(InfrequentOutcome.Kind.OUTSIDE_DATASET);
        assertThat(boundary.handle(event(T, DATA, dataset.getName() + "-old/x.json")).kind())
                .isEqualTo(InfrequentOutcome.Kind.OUTSIDE_DATASET);
        assertThat(boundary.handle(event(T, DATA, "elsewhere/x.json")).kind())
                .isEqualTo(InfrequentOutcome.Kind.OUTSIDE_DATASET);
        assertThat(manifestKeys()).isEmpty();
    }

    @Test
    void filter_matchesThePathRelativeToTheDatasetPrefix_filteredObjectsMakeEmptyManifests() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.eventTime)
                .filter(filter("{\"includes\": [\"a/*.json\"]}")));
        Instant later = T.plus(LotUnit.TWELFTHS.duration());

        InfrequentOutcome kept = boundary.handle(event(T, DATA, dataset.getName() + "/a/x.json"));
        InfrequentOutcome dropped = boundary.handle(event(later, DATA, dataset.getName() + "/b/a/x.json"));

        LotId lot = LotId.of(LotUnit.TWELFTHS, T);
        assertThat(kept.manifest()).isEqualTo(manifest(lot, ManifestState.complete).identifier());
        assertThat(dropped.manifest()).isEqualTo(manifest(lot.next(), ManifestState.empty).identifier());
        assertThat(readManifest(lot.next(), ManifestState.empty)).isEqualTo(Manifest.empty(lot.next().format()));
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete),
                expectedEvent(lot.next(), ManifestState.empty));
    }

    @Test
    void filteredObject_inAManifestedLot_isNotALateArrival() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.eventTime)
                .filter(filter("{\"excludes\": [\"**/_*\"]}")));
        LotId lot = LotId.of(LotUnit.TWELFTHS, T);

        boundary.handle(event(T, DATA, dataset.getName() + "/part-0.json"));
        InfrequentOutcome marker = boundary.handle(event(T, DATA, dataset.getName() + "/_SUCCESS"));

        assertThat(marker.kind()).isEqualTo(InfrequentOutcome.Kind.FILTERED_IN_CLAIMED_LOT);
        assertThat(ledger().lateArrivals(lot)).isEmpty();
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
    }

    @Test
    void keyTimestampRegex_namedGroups_giveTheLot() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.keyTimestampRegex)
                .keyRegex("y=(?<year>\\d{4})/m=(?<month>\\d{2})/d=(?<day>\\d{2})/h=(?<hour>\\d{2})/mi=(?<minute>\\d{2})/"));

        InfrequentOutcome outcome = boundary.handle(event(T, DATA,
                dataset.getName() + "/y=2021/m=11/d=12/h=00/mi=07/part-0.json"));

        assertThat(outcome.lot()).isEqualTo("20211112PT5M001");
        assertThat(readManifest(LotId.parse("20211112PT5M001"), ManifestState.complete).uris()).hasSize(1);
    }

    @Test
    void keyTimestampRegex_singleGroup_givesTheLot() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.keyTimestampRegex).keyRegex("/(\\d{13})-"));

        InfrequentOutcome epoch = boundary.handle(event(T, DATA, dataset.getName() + "/1636675620000-part.json"));

        assertThat(epoch.lot()).isEqualTo("20211112PT5M001");

        InfrequentBoundary iso = boundary(b -> b.lotSource(LotSource.keyTimestampRegex).keyRegex("ts=([^/]+)/"));
        assertThat(iso.handle(event(T, DATA, dataset.getName() + "/ts=2021-11-12T00%3A12%3A00Z/x.json")).lot())
                .isEqualTo("20211112PT5M002");
    }

    @Test
    void keyTimestampRegex_noMatch_isRecordedUnassigned_notThrownIntoRetries() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.keyTimestampRegex).keyRegex("/(\\d{13})-"));
        String key = dataset.getName() + "/no-timestamp.json";

        InfrequentOutcome outcome = boundary.handle(event(T, DATA, key));
        InfrequentOutcome again = boundary.handle(event(T, DATA, key));

        assertThat(outcome.kind()).isEqualTo(InfrequentOutcome.Kind.UNASSIGNED);
        assertThat(outcome.detail()).contains(key).contains("does not match keyRegex");
        assertThat(outcome.record()).isEqualTo(ledger().unassignedKey(uri(key)))
                .startsWith("datasets/name=" + dataset.getName() + "/version=20220101/unassigned/");
        assertThat(again).isEqualTo(outcome);
        assertThat(new String(store.get(MANIFESTS, outcome.record()).orElseThrow().body(), StandardCharsets.UTF_8))
                .contains(uri(key)).contains("does not match keyRegex");
        assertThat(manifestKeys()).isEmpty();
        assertThat(probe.drain()).isEmpty();
    }

    @Test
    void objectDeletedBeforeItsHead_isRecordedUnassigned() {
        InfrequentBoundary boundary = boundary(b -> b);

        InfrequentOutcome outcome = boundary.handle(event(T, DATA, dataset.getName() + "/vanished.json"));

        assertThat(outcome.kind()).isEqualTo(InfrequentOutcome.Kind.UNASSIGNED);
        assertThat(outcome.detail()).contains("no longer exists");
        assertThat(manifestKeys()).isEmpty();
    }

    @Test
    void crashBetweenManifestAndEvent_isRecoveredByTheRetry() {
        String key = put("part-0.json");
        EventPublisher crashing = Crash.on(EventPublisher.class, publisher, 1, args -> true, "publish");
        InfrequentBoundary boundary = new InfrequentBoundary(props(b -> b), store, crashing);
        String event = event(T, DATA, key);

        assertThatThrownBy(() -> boundary.handle(event)).isInstanceOf(Crash.Injected.class);
        assertThat(probe.drain()).isEmpty();
        InfrequentOutcome retried = boundary.handle(event);

        LotId lot = lotOfModified(key);
        assertThat(retried.kind()).isEqualTo(InfrequentOutcome.Kind.MANIFESTED);
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void lotClaimedByACrashedHandler_isFinishedByTheNextObject() {
        InfrequentBoundary boundary = boundary(b -> b.lotSource(LotSource.eventTime));
        LotId lot = LotId.of(LotUnit.TWELFTHS, T);
        String first = uri(dataset.getName() + "/first.json");
        Manifest firstManifest = Manifest.complete(lot.format(), UriType.identifier, List.of(first));
        // the first object's handler claimed the lot, then died, and its retries ran out
        ledger().claim(lot, new LotClaim(lot.format(), manifest(lot, ManifestState.complete).identifier(), first,
                firstManifest));

        InfrequentOutcome second = boundary.handle(event(T, DATA, dataset.getName() + "/second.json"));

        assertThat(second.kind()).isEqualTo(InfrequentOutcome.Kind.LATE);
        assertThat(readManifest(lot, ManifestState.complete)).isEqualTo(firstManifest);
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void malformedEvent_failsNamingTheMissingField() {
        InfrequentBoundary boundary = boundary(b -> b);

        assertThatThrownBy(() -> boundary.handle("{\"time\": \"2023-02-06T23:51:10Z\", \"detail\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("detail.bucket.name");
    }

    @Test
    void props_roundTripThroughTheirEnvironmentJson() {
        BoundaryProps props = props(b -> b.lotSource(LotSource.keyTimestampRegex).keyRegex("(\\d{13})")
                .filter(filter("{\"excludes\": [\"**/_*\"]}")));

        BoundaryProps read = BoundaryProps.fromJson(props.toJson());

        assertThat(read.toJson()).isEqualTo(props.toJson());
        assertThat(read.filter().getExcludes()).containsExactly("**/_*");
        assertThat(read.location()).isEqualTo(new S3Location(DATA, dataset.getName() + "/"));
    }

    // --- helpers

    private BoundaryProps props(UnaryOperator<BoundaryProps.Builder> customise) {
        return customise.apply(BoundaryProps.builder().lotUnit(LotUnit.TWELFTHS).dataset(dataset)
                .manifestBucket(MANIFESTS).eventBusName(bus)).build();
    }

    private InfrequentBoundary boundary(UnaryOperator<BoundaryProps.Builder> customise) {
        return new InfrequentBoundary(props(customise), store, publisher);
    }

    private BoundaryLedger ledger() {
        return new BoundaryLedger(store, MANIFESTS, dataset);
    }

    private String put(String name) {
        String key = dataset.getName() + "/" + name;
        store.put(DATA, key, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        return key;
    }

    private static String uri(String key) {
        return "s3://" + DATA + "/" + key;
    }

    private static LotId lotOfModified(String key) {
        return LotId.of(LotUnit.TWELFTHS, store.head(DATA, key).orElseThrow().lastModified());
    }

    private ManifestURI manifest(LotId lot, ManifestState state) {
        return ManifestURI.of(MANIFESTS, dataset).withLot(lot).withState(state);
    }

    private Manifest readManifest(LotId lot, ManifestState state) {
        return new ManifestStore(store).read(manifest(lot, state).identifier()).orElseThrow();
    }

    private List<String> manifestKeys() {
        return store.listAll(MANIFESTS, "datasets/name=" + dataset.getName() + "/", null).map(ObjectInfo::key)
                .filter(key -> key.endsWith("/manifest.json")).toList();
    }

    private ArcNotifyEvent expectedEvent(LotId lot, ManifestState state) {
        return new ArcNotifyEvent(dataset, lot.format(), manifest(lot, state).identifier());
    }

    /** An EventBridge "Object Created" event as S3 sends it; {@code key} is given as it appears there (encoded). */
    static String event(Instant time, String bucket, String key) {
        return """
                {"version": "0", "id": "17793124-05d4-b198-2fde-7ededc63b103", "detail-type": "Object Created",
                 "source": "aws.s3", "account": "123456789012", "time": "%s", "region": "us-east-1",
                 "resources": ["arn:aws:s3:::%s"],
                 "detail": {"version": "0", "bucket": {"name": "%s"},
                            "object": {"key": "%s", "size": 2, "etag": "99914b932bd37a50b983c5e7c90ae93b",
                                       "sequencer": "00617F08299329D189"},
                            "request-id": "N4N7GDK58NMKJ12R", "requester": "123456789012", "reason": "PutObject"}}
                """.formatted(time, bucket, bucket, key);
    }

    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code n} tasks released together, to make their requests interleave. */
    static <T> List<T> concurrently(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
