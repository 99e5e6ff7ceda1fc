package io.clusterless.engine.workload.glue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.catalog.PartitionCatalog.Partition;
import io.clusterless.engine.catalog.PartitionCatalog.PartitionError;
import io.clusterless.engine.catalog.PartitionCatalog;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsProps;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The glueAddPartitionsArc workload (reference §5.5): registers the partitions of the incoming lot (read from its
 * object paths, see {@link PartitionPaths}) in the Glue table each sink names, 100 per call, and writes one sink
 * manifest per sink role listing {@code glue://} partition URIs as {@code partitionResults} asks: {@code added}
 * (new ones), {@code all}, or {@code none} (just the table).
 * <p>
 * A partition the catalog already has counts as existing, any other error as failed. Every partition failed → the
 * run fails; some failed → {@code partial}; all existed → {@code empty} (nothing new arrived); else
 * {@code complete}. A sink that already has a final manifest for the lot keeps it.
 */
public final class GlueAddPartitionsWorkload {
    /** Glue's limit for one {@code BatchCreatePartition}. */
    public static final int BATCH_SIZE = 100;
    static final String ALREADY_EXISTS = "AlreadyExistsException";
    private static final int ERRORS_QUOTED = 5;

    private final WorkloadManifests manifests;
    private final PartitionCatalog catalog;

    /** @param store holds the manifest bucket (the source data is not read, only its paths) */
    public GlueAddPartitionsWorkload(ObjectStore store, PartitionCatalog catalog) {
        this.manifests = new WorkloadManifests(store);
        this.catalog = catalog;
    }

    /**
     * @param attemptId names the {@code partial} manifest of this run, unique per run
     * @return sink role → sink manifest identifier, in the arc's sink order
     * @throws WorkloadException when no partition could be added, or the table cannot be read
     */
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) {
        if (attemptId == null || attemptId.isBlank()) {
            throw new IllegalArgumentException("attemptId is required: it keeps partial manifests of retries apart");
        }
        ArcNotifyEvent event = context.arcNotifyEvent();
        GlueAddPartitionsProps glueProps = glueProps(props.workloadProps());
        Manifest incoming = manifests.incoming(event);
        List<PartitionPaths.Candidate> candidates = incoming.state() == ManifestState.empty ? List.of()
                : PartitionPaths.of(incoming, event.manifest(), source(event), glueProps);

        Map<String, String> sinkManifests = new LinkedHashMap<>();
        for (Map.Entry<String, SinkDataset> sink : props.sinks().entrySet()) {
            String role = sink.getKey();
            ManifestURI sinkLot = manifests.sinkLot(props, role, event.lot());
            Optional<ManifestURI> finished = manifests.finished(sinkLot);
            ManifestURI written = finished.isPresent() ? finished.get()
                    : addToSink(event.lot(), incoming, candidates, role, sink.getValue(), sinkLot, glueProps, attemptId);
            sinkManifests.put(role, written.identifier());
        }
        return sinkManifests;
    }

    private ManifestURI addToSink(String lot, Manifest incoming, List<PartitionPaths.Candidate> candidates, String role,
                                  SinkDataset sink, ManifestURI sinkLot, GlueAddPartitionsProps glueProps,
                                  String attemptId) {
        if (incoming.state() == ManifestState.empty) {
            return manifests.write(sinkLot, Manifest.empty(lot), attemptId);
        }
        if (candidates.isEmpty()) {
            String comment = "none of the " + incoming.uris().size() + " objects of the incoming lot lies in a "
                    + "partition directory";
            return manifests.write(sinkLot, emptyManifest(lot, comment), attemptId);
        }
        GlueTable table = table(role, sink);
        Results results = add(table, candidates, role);
        int total = candidates.size();
        if (results.failed.size() == total) {
            throw new WorkloadException("none of the " + total + " partitions of lot " + lot + " could be added to "
                    + table + " (sink role '" + role + "'): " + quote(results.failed));
        }
        if (results.existed.size() == total) {
            return manifests.write(sinkLot, emptyManifest(lot, "all " + total + " partitions already existed in "
                    + table), attemptId);
        }
        List<String> uris = switch (glueProps.getPartitionResults()) {
            case none -> List.of(table.uri());
            case all -> results.present.stream().map(table::partitionUri).toList();
            case added -> results.added.stream().map(table::partitionUri).toList();
        };
        if (!results.failed.isEmpty()) {
            String comment = results.added.size() + " of " + total + " partitions added, " + results.existed.size()
                    + " already existed, " + results.failed.size() + " failed: " + quote(results.failed);
            return manifests.write(sinkLot, Manifest.partial(lot, UriType.identifier, uris, comment), attemptId);
        }
        return manifests.write(sinkLot, Manifest.complete(lot, UriType.identifier, uris), attemptId);
    }

    private Results add(GlueTable table, List<PartitionPaths.Candidate> candidates, String role) {
        JsonNode descriptor;
        try {
            descriptor = catalog.storageDescriptor(table.catalogId(), table.database(), table.table());
        } catch (RuntimeException e) {
            throw new WorkloadException("cannot read Glue table " + table + " of sink role '" + role + "': "
                    + e.getMessage() + "; check that the table exists and the arc's role may glue:GetTable", e);
        }
        Results results = new Results();
        List<PartitionPaths.Candidate> valid = new ArrayList<>();
        for (PartitionPaths.Candidate candidate : candidates) {
            if (candidate.valid()) {
                valid.add(candidate);
            } else {
                results.failed.add(candidate.directory() + ": " + candidate.problem());
            }
        }
        for (int from = 0; from < valid.size(); from += BATCH_SIZE) {
            List<PartitionPaths.Candidate> batch = valid.subList(from, Math.min(valid.size(), from + BATCH_SIZE));
            List<Partition> partitions = batch.stream()
                    .map(candidate -> new Partition(candidate.values(), candidate.location())).toList();
            Map<List<String>, PartitionError> errors = new HashMap<>();
            try {
                catalog.addPartitions(table.catalogId(), table.database(), table.table(), descriptor, partitions)
                        .forEach(error -> errors.put(error.values(), error));
            } catch (RuntimeException e) {
                // Earlier batches are in the catalog already: report this one as failed, keep going.
                batch.forEach(candidate -> results.failed.add(candidate.directory() + ": " + e.getMessage()));
                continue;
            }
            for (PartitionPaths.Candidate candidate : batch) {
                PartitionError error = errors.get(candidate.values());
                if (error == null) {
                    results.added.add(candidate.directory());
                    results.present.add(candidate.directory());
                } else if (ALREADY_EXISTS.equals(error.code())) {
                    results.existed.add(candidate.directory());
                    results.present.add(candidate.directory());
                } else {
                    results.failed.add(candidate.directory() + ": " + error.code() + " " + error.message());
                }
            }
        }
        return results;
    }

    /** Partition directories by outcome; {@code present} = added + existed, in manifest order. */
    private static final class Results {
        final List<String> added = new ArrayList<>();
        final List<String> existed = new ArrayList<>();
        final List<String> present = new ArrayList<>();
        final List<String> failed = new ArrayList<>();
    }

    private static S3Location source(ArcNotifyEvent event) {
        try {
            return S3Location.parse(event.dataset().getPathURI());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("source dataset " + event.dataset().id() + " has no S3 location: "
                    + e.getMessage(), e);
        }
    }

    private static GlueTable table(String role, SinkDataset sink) {
        try {
            return GlueTable.parse(sink.getPathURI());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("sink role '" + role + "' (" + sink.id() + ") is not a Glue table: "
                    + e.getMessage(), e);
        }
    }

    private static Manifest emptyManifest(String lot, String comment) {
        return new Manifest(ManifestState.empty, comment, lot, UriType.identifier, List.of());
    }

    static GlueAddPartitionsProps glueProps(JsonNode workloadProps) {
        try {
            return workloadProps == null ? new GlueAddPartitionsProps()
                    : Json.records().treeToValue(workloadProps, GlueAddPartitionsProps.class);
        } catch (JsonProcessingException e) {
            throw new WorkloadException("workloadProps of the glueAddPartitionsArc are not valid: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String quote(List<String> failures) {
        String quoted = failures.stream().limit(ERRORS_QUOTED).collect(Collectors.joining("; "));
        return failures.size() > ERRORS_QUOTED ? quoted + "; and " + (failures.size() - ERRORS_QUOTED) + " more"
                : quoted;
    }
}
