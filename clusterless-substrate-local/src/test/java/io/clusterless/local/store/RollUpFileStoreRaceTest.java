package io.clusterless.local.store;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roll-ups (ADR-0012) on the local substrate's {@link FileObjectStore}: an {@code Hours} arc over a {@code Twelfths}
 * source, its events ×10 and shuffled from 8 threads, runs each hour once and only with all twelve lots (one of them
 * empty); late ticks ×10 from 8 threads past the deadline start a partial hour once, naming its missing lot.
 */
class RollUpFileStoreRaceTest {
    private static final Instant HOUR = Instant.parse("2023-02-27T10:00:00Z");
    private static final SourceDataset ORDERS = new SourceDataset("orders", "1", true);
    private static final SinkDataset HOURLY = new SinkDataset("hourly", "1", "s3://data/hourly/");

    @TempDir
    Path root;

    @Test
    void eventsTimesTenFromEightThreads_runEachHourOnceWithAllTwelve_andLateTicksStartAPartialHourOnce()
            throws Exception {
        FileObjectStore store = new FileObjectStore(root);
        for (String bucket : List.of("arc-state", "manifests")) {
            Files.createDirectories(store.bucketsRoot().resolve(bucket));
        }
        ArcGateProps props = props();
        Clock beforeDeadlines = Clock.fixed(HOUR, ZoneOffset.UTC);
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            for (int copy = 0; copy < 10; copy++) {
                deliveries.add(twelfth(i));
            }
        }
        Collections.shuffle(deliveries, new Random(17));
        List<ArcStateContext> answers = concurrently(deliveries.stream().<Callable<ArcStateContext>>map(lot -> () -> {
            manifest(store, lot, lot.equals(twelfth(3)) ? ManifestState.empty : ManifestState.complete);
            return new ArcStartGate(props, store, beforeDeadlines).start(event(store, lot));
        }).toList());

        Map<String, List<ArcStateContext>> runs = new LinkedHashMap<>();
        for (ArcStateContext answer : answers) {
            if (ArcStartGate.runsWorkload(answer)) {
                runs.computeIfAbsent(answer.arcWorkloadContext().arcNotifyEvent().lot(), l -> new ArrayList<>())
                        .add(answer);
            } else {
                assertThat(answer.waits() || answer.previousState() == ArcState.running).isTrue();
            }
        }
        assertThat(runs).containsOnlyKeys(hour(0), hour(1));
        runs.values().forEach(started -> assertThat(started).singleElement().satisfies(run ->
                assertThat(run.arcWorkloadContext().coveredManifests().get("main")).hasSize(12)));

        // the third hour misses its sixth lot; past its deadline, ticks start it with the other eleven, once
        for (int i = 24; i < 36; i++) {
            if (i != 29) {
                manifest(store, twelfth(i), ManifestState.complete);
            }
        }
        Clock pastDeadline = Clock.fixed(LotId.parse(hour(2)).end().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        List<Callable<ArcStateContext>> ticks = new ArrayList<>();
        for (int copy = 0; copy < 10; copy++) {
            ticks.add(() -> new ArcStartGate(props, store, pastDeadline).startDue(hour(2)));
        }
        List<ArcStateContext> late = concurrently(ticks).stream().filter(ArcStartGate::runsWorkload).toList();
        assertThat(late).singleElement().satisfies(run ->
                assertThat(run.arcWorkloadContext().coveredManifests().get("main")).hasSize(11));
        assertThat(Files.readString(store.file("arc-state", "arcs/project=p/version=1/arc=hourly/lot=" + hour(2)
                + "/running.arc"))).contains("\"late\":[\"dataset orders/1 lot " + twelfth(29) + "\"]");
    }

    private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ArcGateProps props() {
        return new ArcGateProps(new ArcStateProps(new ProjectId("p", "1"), "hourly", Map.of("main", ORDERS),
                Map.of("main", HOURLY), ArcStateURI.of("arc-state", "p", "1", "hourly").template(), "bus"),
                Map.of("main", ManifestURI.of("manifests", HOURLY).template()), null,
                Map.of("main", ManifestURI.of("manifests", ORDERS).template()),
                new ArcGateProps.RollUp(LotUnit.HOURS, Duration.ofHours(2), Map.of("main", LotUnit.TWELFTHS)));
    }

    private static ArcNotifyEvent event(FileObjectStore store, String lot) {
        ManifestURI uri = new ManifestStore(store).lotManifests(ManifestURI.of("manifests", ORDERS).withLot(lot))
                .stream().filter(ManifestURI::currentFinal).findFirst().orElseThrow();
        return new ArcNotifyEvent(new SinkDataset("orders", "1", "s3://data/orders/"), lot, uri.identifier());
    }

    private static void manifest(FileObjectStore store, String lot, ManifestState state) {
        List<String> uris = state == ManifestState.empty ? List.of() : List.of("s3://data/orders/" + lot + ".json");
        new ManifestStore(store).create(ManifestURI.of("manifests", ORDERS).withLot(lot).withState(state),
                new Manifest(state, null, lot, UriType.identifier, uris));
    }

    private static String twelfth(int index) {
        return LotId.of(LotUnit.TWELFTHS, HOUR).plus(index).format();
    }

    private static String hour(int index) {
        return LotId.of(LotUnit.HOURS, HOUR).plus(index).format();
    }
}
