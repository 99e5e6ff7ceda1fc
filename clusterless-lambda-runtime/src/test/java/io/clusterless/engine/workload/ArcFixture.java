package io.clusterless.engine.workload;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An arc as deployment would describe it to a workload: a source dataset that a boundary announced one lot of, sink
 * datasets with their manifest templates in the manifest bucket, and workload props. Writes the incoming manifest
 * through the production {@link ManifestStore}, as a boundary would.
 */
public final class ArcFixture {
    public static final String LOT = "20230227PT5M287";

    private final String manifestBucket;
    private final SinkDataset source;
    private final Map<String, SinkDataset> sinks = new LinkedHashMap<>();
    private JsonNode workloadProps;

    public ArcFixture(String manifestBucket, SinkDataset source) {
        this.manifestBucket = manifestBucket;
        this.source = source;
    }

    public ArcFixture sink(String role, SinkDataset sink) {
        sinks.put(role, sink);
        return this;
    }

    public ArcFixture workloadProps(String json) {
        try {
            this.workloadProps = Json.records().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ArcProps props() {
        Map<String, String> templates = new LinkedHashMap<>();
        sinks.forEach((role, sink) -> templates.put(role, ManifestURI.of(manifestBucket, sink).template()));
        return new ArcProps(Map.of("main", new SourceDataset(source.getName(), source.getVersion(), true)), sinks,
                Map.of("main", ManifestURI.of(manifestBucket, source).withState(ManifestState.complete).template()),
                templates, workloadProps);
    }

    /** The incoming lot's manifest location (complete or empty state). */
    public ManifestURI incoming(ManifestState state) {
        return ManifestURI.of(manifestBucket, source).withLot(LOT).withState(state);
    }

    /** Writes the incoming {@code complete} manifest listing {@code uris} and returns the workload's input. */
    public ArcWorkloadContext announce(ObjectStore store, List<String> uris) {
        return announce(store, Manifest.complete(LOT, UriType.identifier, uris));
    }

    public ArcWorkloadContext announce(ObjectStore store, Manifest manifest) {
        ManifestURI uri = incoming(manifest.state());
        new ManifestStore(store).create(uri, manifest);
        return context(uri);
    }

    /** The workload input for an event naming {@code manifest}, written or not. */
    public ArcWorkloadContext context(ManifestURI manifest) {
        return new ArcWorkloadContext("main", new ArcNotifyEvent(source, LOT, manifest.identifier()));
    }

    /** Where sink {@code role}'s manifests of the lot live. */
    public ManifestURI sinkLot(String role) {
        return ManifestURI.of(manifestBucket, sinks.get(role)).withLot(LOT);
    }
}
