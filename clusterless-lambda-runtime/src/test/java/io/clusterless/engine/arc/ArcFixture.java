package io.clusterless.engine.arc;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ManifestURI;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One arc as the gates see it: source {@code ingress/20220101} (role {@code main}), sinks {@code copy/1}
 * ({@code main}) and {@code archive/1} ({@code archive}), with its arc-state and manifest buckets.
 */
public final class ArcFixture {
    static final String PROJECT = "test-project";
    static final String VERSION = "20230101";
    static final SourceDataset INGRESS = new SourceDataset("ingress", "20220101", true);
    static final SinkDataset COPY = new SinkDataset("copy", "1", "s3://data-bucket/copy/");
    static final SinkDataset ARCHIVE = new SinkDataset("archive", "1", "s3://data-bucket/archive/");
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    final ObjectStore store;
    final String stateBucket;
    final String manifestBucket;
    final String arcName;
    public final ArcGateProps props;

    public ArcFixture(ObjectStore store, String stateBucket, String manifestBucket, String arcName, String busName) {
        this.store = RetryingObjectStore.wrap(store);
        this.stateBucket = stateBucket;
        this.manifestBucket = manifestBucket;
        this.arcName = arcName;
        Map<String, SinkDataset> sinks = new LinkedHashMap<>();
        sinks.put("main", COPY);
        sinks.put("archive", ARCHIVE);
        Map<String, String> templates = new LinkedHashMap<>();
        sinks.forEach((role, sink) -> templates.put(role, ManifestURI.of(manifestBucket, sink).template()));
        this.props = new ArcGateProps(new ArcStateProps(new ProjectId(PROJECT, VERSION), arcName,
                Map.of("main", INGRESS), sinks, ArcStateURI.of(stateBucket, PROJECT, VERSION, arcName).template(), busName),
                templates, TIMEOUT);
    }

    /** The same arc with another running timeout. */
    public ArcGateProps props(Duration runningTimeout) {
        return new ArcGateProps(props.arc(), props.sinkManifestTemplates(), runningTimeout);
    }

    public ArcNotifyEvent event(String lot) {
        return new ArcNotifyEvent(new SinkDataset(INGRESS.getName(), INGRESS.getVersion(), "s3://data-bucket/ingress/"),
                lot, ManifestURI.of(manifestBucket, INGRESS).withLot(lot).withState(ManifestState.complete).identifier());
    }

    /** Writes a sink manifest as a workload would; returns its identifier. */
    public String sinkManifest(String role, String lot, ManifestState state, String attempt) {
        SinkDataset sink = props.arc().sinks().get(role);
        ManifestURI uri = ManifestURI.of(manifestBucket, sink).withLot(lot).withState(state)
                .withAttempt(state.hasAttempt() ? attempt : null);
        List<String> uris = state == ManifestState.empty ? List.of() : List.of(sink.getPathURI() + "part-0.json");
        new ManifestStore(store).create(uri, new Manifest(state, null, lot, UriType.identifier, uris));
        return uri.identifier();
    }

    public ArcStateStore states(java.time.Clock clock) {
        return new ArcStateStore(store, props.arcStateURI(), clock);
    }

    /** Keys under the lot's arc-state directory, relative to it. */
    public List<String> stateFiles(String lot) {
        String prefix = lotPrefix(lot);
        return store.listAll(stateBucket, prefix, null).map(ObjectInfo::key).map(k -> k.substring(prefix.length())).toList();
    }

    public String stateBody(String lot, ArcState state) {
        return store.get(stateBucket, lotPrefix(lot) + state.fileName())
                .map(o -> new String(o.body(), StandardCharsets.UTF_8)).orElse(null);
    }

    public String lotPrefix(String lot) {
        return "arcs/project=" + PROJECT + "/version=" + VERSION + "/arc=" + arcName + "/lot=" + lot + "/";
    }

    /** Puts a state object directly, as a crash or an older tool may have left it. */
    public void putState(String lot, ArcState state, String body) {
        store.put(stateBucket, lotPrefix(lot) + state.fileName(), body.getBytes(StandardCharsets.UTF_8), "text/plain");
    }
}
