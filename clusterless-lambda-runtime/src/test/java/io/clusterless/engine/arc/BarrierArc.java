package io.clusterless.engine.arc;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An arc whose start waits on its sources (a join barrier, ADR-0011, or a roll-up, ADR-0012), in buckets
 * {@code arc-state} and {@code manifests} that the tests of a class share: named afresh, so they share the buckets
 * but not the lots. Its sources' manifests are written and announced as boundaries and arcs do.
 */
abstract class BarrierArc {
    static final String STATES = "arc-state";
    static final String MANIFESTS = "manifests";

    final ObjectStore store;
    final String name;
    final ArcGateProps props;

    /** @param props the gate's props for the arc's name */
    BarrierArc(ObjectStore store, String prefix, Function<String, ArcGateProps> props) {
        this.store = RetryingObjectStore.wrap(store);
        this.name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.props = props.apply(name);
    }

    /** The gate's props of arc {@code name} of project {@code p/1}, reading {@code sources}, writing {@code sink}. */
    static ArcGateProps props(String name, Map<String, SourceDataset> sources, SinkDataset sink,
                              Map<String, String> barrier, ArcGateProps.RollUp rollUp) {
        return new ArcGateProps(new ArcStateProps(new ProjectId("p", "1"), name, sources, Map.of("main", sink),
                ArcStateURI.of(STATES, "p", "1", name).template(), "bus"),
                Map.of("main", ManifestURI.of(MANIFESTS, sink).template()), null, barrier, rollUp);
    }

    /** The barrier awaiting every source: its manifest template by role. */
    static Map<String, String> awaited(Map<String, SourceDataset> sources) {
        Map<String, String> awaited = new LinkedHashMap<>();
        sources.forEach((role, source) -> awaited.put(role, ManifestURI.of(MANIFESTS, source).template()));
        return awaited;
    }

    /** The event the source's writer sends for the lot, naming its manifest (empty where that one is there). */
    ArcNotifyEvent event(SourceDataset source, String lot) {
        ManifestState state = new ManifestStore(store).find(ManifestURI.of(MANIFESTS, source).withLot(lot),
                ManifestState.empty).isPresent() ? ManifestState.empty : ManifestState.complete;
        return new ArcNotifyEvent(new SinkDataset(source.getName(), source.getVersion(), "s3://data/"
                + source.getName() + "/"), lot, manifestUri(source, lot, state));
    }

    String manifestUri(SourceDataset source, String lot, ManifestState state) {
        return ManifestURI.of(MANIFESTS, source).withLot(lot).withState(state)
                .withAttempt(state.hasAttempt() ? "a1" : null).identifier();
    }

    void manifest(SourceDataset source, String lot, ManifestState state) {
        ManifestURI uri = ManifestURI.parse(manifestUri(source, lot, state));
        List<String> uris = state == ManifestState.empty ? List.of() : List.of("s3://data/" + source.getName()
                + "/" + lot + ".json");
        new ManifestStore(store).create(uri, new Manifest(state, null, lot, UriType.identifier, uris));
    }

    /** The arc's state files, relative to the arc. */
    List<String> stateFiles() {
        return listed("arcs/project=p/version=1/arc=" + name + "/");
    }

    /** The state files of one lot, relative to the lot. */
    List<String> stateFiles(String lot) {
        return listed("arcs/project=p/version=1/arc=" + name + "/lot=" + lot + "/");
    }

    private List<String> listed(String prefix) {
        return store.listAll(STATES, prefix, null).map(info -> info.key().substring(prefix.length())).toList();
    }

    /**
     * Delivers every one of {@code deliveries} from {@code threads} threads released at once; returns the runs
     * started, by {@code key}, and checks that every refused delivery waits or finds the lot running.
     */
    static <D> Map<String, List<ArcStateContext>> race(List<D> deliveries, int threads, Function<D, String> key,
                                                       Function<D, ArcStateContext> deliver) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ArcStateContext>> futures = new ArrayList<>();
        try {
            for (D delivery : deliveries) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return deliver.apply(delivery);
                }));
            }
            go.countDown();
            Map<String, List<ArcStateContext>> runs = new LinkedHashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                ArcStateContext answer = futures.get(i).get();
                if (ArcStartGate.runsWorkload(answer)) {
                    runs.computeIfAbsent(key.apply(deliveries.get(i)), k -> new ArrayList<>()).add(answer);
                } else {
                    assertThat(answer.waits() || answer.previousState() == ArcState.running)
                            .as("a refused event waits or finds the run").isTrue();
                }
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }
}
