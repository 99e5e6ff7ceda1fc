package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A local frequent boundary killed between any two of its writes, then started again (a fresh instance on the same
 * folders, as {@code cls local run} after {@code kill -9}): every arrival ends up in exactly one manifest, announced,
 * and nothing waits in the queue. A crash is an exception thrown at the step, from a wrapped store or bus, or from a
 * file system write made to fail (a folder where the file goes).
 */
class FrequentLotsCrashTest {
    private static final LotUnit UNIT = LotUnit.TWELFTHS;
    private static final Instant ARRIVED = Instant.parse("2023-02-27T00:01:00Z");
    /** The boundary was placed the day before: every interval since gets a manifest (ADR-0007). */
    private static final Instant PLACED = ARRIVED.minus(Duration.ofDays(1));
    private static final LotId LOT = LotId.of(UNIT, ARRIVED);
    /** When the run closes: the arrival's interval has ended. */
    private static final Instant LATER = LOT.next().start().plus(Duration.ofMinutes(1));
    private static final SinkDataset DATASET = new SinkDataset("ingress", "1", "s3://landing/in/");
    private static final String OBJECT = "s3://landing/in/a.json";

    @TempDir
    Path root;

    private FileObjectStore store;
    private Path dir;
    private final List<ArcNotifyEvent> published = new ArrayList<>();
    private final EventPublisher bus = published::add;
    private LocalPlan.BoundaryEntry entry;

    @BeforeEach
    void setUp() {
        store = new FileObjectStore(root.resolve("store"));
        dir = root.resolve("queues").resolve("q");
        BoundaryProps props = BoundaryProps.builder().lotUnit(UNIT).dataset(DATASET).manifestBucket("manifests")
                .eventBusName("bus").sqsQueueName("q").build();
        entry = new LocalPlan.BoundaryEntry(null, null, props, true, "rule", "{}");
    }

    @Test
    void killBetweenTheQueueWriteAndTheIntervalRecord_theRestartClosesTheInterval() throws Exception {
        Path blocker = blockIntervalRecord();
        FrequentLots killed = new FrequentLots(entry, store, bus, dir, PLACED);
        assertThatThrownBy(() -> killed.arrive(arrival())).isInstanceOf(RuntimeException.class);
        assertThat(dir.resolve("queue")).isNotEmptyDirectory(); // queued, interval not recorded
        unblock(blocker);

        FrequentLots restarted = new FrequentLots(entry, store, bus, dir, PLACED);
        restarted.arrive(arrival()); // the landing notices the file again: the arrival log never recorded it
        int closed = restarted.closeEnded(LATER, () -> false);

        assertThat(closed).isEqualTo(1);
        assertDeliveredOnce(restarted);
    }

    @Test
    void killBetweenTheQueueWriteAndTheIntervalRecord_theRestartClosesTheInterval_evenIfTheFileIsNotNoticedAgain()
            throws Exception {
        Path blocker = blockIntervalRecord();
        FrequentLots killed = new FrequentLots(entry, store, bus, dir, PLACED);
        assertThatThrownBy(() -> killed.arrive(arrival())).isInstanceOf(RuntimeException.class);
        unblock(blocker);

        FrequentLots restarted = new FrequentLots(entry, store, bus, dir, PLACED);

        assertThat(restarted.closeEnded(LATER, () -> false)).isEqualTo(1);
        assertDeliveredOnce(restarted);
    }

    @Test
    void killAfterClaimingTheLot_beforeWritingItsManifest_theRestartWritesIt() {
        new FrequentLots(entry, store, bus, dir, PLACED).arrive(arrival());
        ObjectStore crashing = crashOnce(store, "createIfAbsent", "/manifest.json");
        assertThatThrownBy(() -> new FrequentLots(entry, crashing, bus, dir, PLACED).closeEnded(LATER, () -> false))
                .isInstanceOf(Killed.class);

        FrequentLots restarted = new FrequentLots(entry, store, bus, dir, PLACED);
        restarted.closeEnded(LATER, () -> false);

        assertDeliveredOnce(restarted);
    }

    @Test
    void killAfterTheManifest_whileDeletingTheMessages_theRestartDeletesThem() throws Exception {
        new FrequentLots(entry, store, bus, dir, PLACED).arrive(arrival());
        // a folder where the message moves to on deletion: the move fails, as a kill at this step would stop it
        Path blocker;
        try (var files = Files.list(dir.resolve("queue"))) {
            blocker = dir.resolve("done").resolve(files.findFirst().orElseThrow().getFileName());
        }
        Files.createDirectories(blocker.resolve("x"));
        assertThatThrownBy(() -> new FrequentLots(entry, store, bus, dir, PLACED).closeEnded(LATER, () -> false))
                .isInstanceOf(RuntimeException.class);
        unblock(blocker);

        FrequentLots restarted = new FrequentLots(entry, store, bus, dir, PLACED);
        restarted.closeEnded(LATER, () -> false);

        assertDeliveredOnce(restarted);
    }

    @Test
    void killAfterDeletingTheMessages_beforeAnnouncing_theRestartAnnounces() {
        new FrequentLots(entry, store, bus, dir, PLACED).arrive(arrival());
        EventPublisher crashing = event -> {
            throw new Killed("publish");
        };
        assertThatThrownBy(() -> new FrequentLots(entry, store, crashing, dir, PLACED).closeEnded(LATER, () -> false))
                .isInstanceOf(Killed.class);

        FrequentLots restarted = new FrequentLots(entry, store, bus, dir, PLACED);
        restarted.closeEnded(LATER, () -> false);

        assertDeliveredOnce(restarted);
    }

    @Test
    void killAfterAnnouncing_beforeRecordingTheClose_theRestartAnnouncesTheSameManifestAgain() throws Exception {
        new FrequentLots(entry, store, bus, dir, PLACED).arrive(arrival());
        Path blocker = blockIntervalRecord();
        assertThatThrownBy(() -> new FrequentLots(entry, store, bus, dir, PLACED).closeEnded(LATER, () -> false))
                .isInstanceOf(RuntimeException.class);
        unblock(blocker);

        FrequentLots restarted = new FrequentLots(entry, store, bus, dir, PLACED);
        restarted.closeEnded(LATER, () -> false);

        assertThat(published).hasSize(2).extracting(ArcNotifyEvent::manifest).containsOnly(manifestUri());
        assertDeliveredOnce(restarted);
    }

    // --- helpers

    /** The lot's manifest lists the object, every announcement is of it, and nothing waits. */
    private void assertDeliveredOnce(FrequentLots lots) {
        assertThat(published).isNotEmpty().extracting(ArcNotifyEvent::manifest).containsOnly(manifestUri());
        Manifest written = new ManifestStore(store).read(manifestUri()).orElseThrow();
        assertThat(written.uris()).containsExactly(OBJECT);
        assertThat(lots.waiting()).isZero();
        assertThat(store.listAll("manifests", "datasets/", null)
                .filter(info -> info.key().endsWith("/manifest.json")).count()).isEqualTo(1);
    }

    private String manifestUri() {
        return ManifestURI.of("manifests", DATASET).withLot(LOT)
                .withState(ManifestState.complete).identifier();
    }

    private JsonNode arrival() {
        ObjectNode event = Json.records().createObjectNode();
        event.put("time", ARRIVED.toString());
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", "landing");
        detail.putObject("object").put("key", "in/a.json");
        return event;
    }

    /** A non-empty folder where intervals.json's temporary file goes: writing the interval record fails. */
    private Path blockIntervalRecord() throws Exception {
        Path blocker = dir.resolve(".intervals.tmp");
        Files.createDirectories(blocker.resolve("x"));
        return blocker;
    }

    private static void unblock(Path blocker) throws Exception {
        Files.delete(blocker.resolve("x"));
        Files.delete(blocker);
    }

    /** The kill: thrown in place of the step, which never reaches the store or bus. */
    static final class Killed extends RuntimeException {
        Killed(String step) {
            super("killed at " + step);
        }
    }

    /** The store, except that the first {@code method} call whose key ends with {@code keySuffix} dies. */
    private static ObjectStore crashOnce(ObjectStore real, String method, String keySuffix) {
        AtomicBoolean done = new AtomicBoolean();
        return (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(), new Class<?>[]{ObjectStore.class},
                (proxy, called, args) -> {
                    if (called.getName().equals(method) && args != null && args.length > 1
                            && String.valueOf(args[1]).endsWith(keySuffix) && done.compareAndSet(false, true)) {
                        throw new Killed(method + " " + Arrays.asList(args).subList(0, 2));
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
