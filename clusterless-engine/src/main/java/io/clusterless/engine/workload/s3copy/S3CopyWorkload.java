package io.clusterless.engine.workload.s3copy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.filter.PathFilterMatcher;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
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
import io.clusterless.model.core.arc.s3copy.S3CopyProps;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The s3CopyArc workload (reference §5.4): copies the objects of the incoming lot that its filter keeps to every
 * sink, server-side, preserving each object's path below the source dataset, and writes one sink manifest per sink
 * role. Copies run on a small fixed pool ({@link #DEFAULT_PARALLELISM} by default).
 * <ul>
 *   <li>an {@code empty} incoming lot, or one the filter keeps nothing of, gives an {@code empty} sink manifest;</li>
 *   <li>access denied on any copy stops the run and fails it, naming both buckets;</li>
 *   <li>up to ceil(count × {@code failArcOnPartialPercent}) failed copies give a {@code partial} manifest under the
 *   attempt id, listing what was copied; more fail the run;</li>
 *   <li>a sink that already has a final manifest for the lot (a replayed or duplicate run) keeps it: nothing is
 *   copied and its URI is returned.</li>
 * </ul>
 */
public final class S3CopyWorkload {
    /** Concurrent copies per sink; S3 sustains far more, a Lambda's memory and connection count do not. */
    public static final int DEFAULT_PARALLELISM = 8;
    /** How many copy errors a manifest comment or failure message quotes. */
    static final int ERRORS_QUOTED = 5;
    /** Absorbs binary rounding so that 10 × 0.7 allows 7 failures, not 8. */
    private static final double ROUNDING = 1e-9;

    private final WorkloadManifests manifests;
    private final ParallelCopier copier;

    /** @param store holds the source and sink datasets and the manifest bucket */
    public S3CopyWorkload(ObjectStore store) {
        this(store, DEFAULT_PARALLELISM);
    }

    /** @param parallelism at most this many copies run at once; at least 1 */
    public S3CopyWorkload(ObjectStore store, int parallelism) {
        this.manifests = new WorkloadManifests(store);
        this.copier = new ParallelCopier(store, parallelism);
    }

    /**
     * @param attemptId names the {@code partial} manifest of this run, unique per run (e.g. the Lambda request id)
     * @return sink role → sink manifest identifier, in the arc's sink order
     * @throws WorkloadException when the lot cannot be copied; sinks finished before the failure keep their manifests
     */
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) {
        if (attemptId == null || attemptId.isBlank()) {
            throw new IllegalArgumentException("attemptId is required: it keeps partial manifests of retries apart");
        }
        ArcNotifyEvent event = context.arcNotifyEvent();
        S3CopyProps copyProps = copyProps(props.workloadProps());
        Manifest incoming = manifests.incoming(event);
        S3Location source = incoming.state() == ManifestState.empty ? null : source(event);
        List<String> selected = source == null ? List.of() : select(event, incoming, source, copyProps);

        Map<String, String> sinkManifests = new LinkedHashMap<>();
        for (Map.Entry<String, SinkDataset> sink : props.sinks().entrySet()) {
            String role = sink.getKey();
            ManifestURI sinkLot = manifests.sinkLot(props, role, event.lot());
            Optional<ManifestURI> finished = manifests.finished(sinkLot);
            ManifestURI written = finished.isPresent() ? finished.get()
                    : copyToSink(event, incoming, source, selected, role, sink.getValue(), sinkLot, copyProps,
                    attemptId);
            sinkManifests.put(role, written.identifier());
        }
        return sinkManifests;
    }

    private ManifestURI copyToSink(ArcNotifyEvent event, Manifest incoming, S3Location source, List<String> selected,
                                   String role, SinkDataset sink, ManifestURI sinkLot, S3CopyProps copyProps,
                                   String attemptId) {
        String lot = event.lot();
        if (incoming.state() == ManifestState.empty) {
            return manifests.write(sinkLot, Manifest.empty(lot), attemptId);
        }
        if (selected.isEmpty()) {
            String comment = incoming.uris().isEmpty() ? "the incoming lot lists no objects"
                    : "the filter kept none of the " + incoming.uris().size() + " objects of the incoming lot";
            return manifests.write(sinkLot, new Manifest(ManifestState.empty, comment, lot, UriType.identifier,
                    List.of()), attemptId);
        }
        S3Location target = sinkLocation(role, sink);
        List<ObjectCopy> copies = selected.stream()
                .map(relative -> new ObjectCopy(source.resolve(relative), target.resolve(relative)))
                .toList();
        int allowed = allowedFailures(copies.size(), copyProps.getFailArcOnPartialPercent());
        CopyReport report = copier.copy(copies, allowed);

        if (report.denied() != null) {
            ObjectCopy denied = report.denied().copy();
            throw new WorkloadException("access denied copying lot " + lot + " to sink role '" + role + "': "
                    + report.denied().reason() + "; the arc's role must be allowed to read bucket '"
                    + denied.source().bucket() + "' and write bucket '" + denied.target().bucket() + "'");
        }
        List<CopyReport.Failure> failures = report.failures();
        if (failures.size() > allowed) {
            throw new WorkloadException((report.skipped() > 0 ? "at least " : "") + failures.size() + " of "
                    + copies.size() + " copies of lot " + lot + " to sink role '" + role + "' failed, more than the "
                    + allowed + " failArcOnPartialPercent=" + copyProps.getFailArcOnPartialPercent() + " allows: "
                    + quote(failures));
        }
        List<String> copied = report.copied().stream().map(S3ObjectId::uri).toList();
        if (!failures.isEmpty()) {
            String comment = "copied " + copied.size() + " of " + copies.size() + " objects; " + failures.size()
                    + " failed (" + allowed + " allowed): " + quote(failures);
            return manifests.write(sinkLot, Manifest.partial(lot, UriType.identifier, copied, comment), attemptId);
        }
        return manifests.write(sinkLot, Manifest.complete(lot, UriType.identifier, copied), attemptId);
    }

    /** The paths, relative to the source dataset, of the incoming objects the filter keeps, in manifest order. */
    private static List<String> select(ArcNotifyEvent event, Manifest incoming, S3Location source,
                                       S3CopyProps copyProps) {
        if (incoming.uriType() != null && incoming.uriType() != UriType.identifier) {
            throw new WorkloadException("incoming manifest " + event.manifest() + " lists " + incoming.uriType()
                    + " URIs; s3CopyArc copies objects and needs identifier URIs");
        }
        PathFilterMatcher filter = PathFilterMatcher.of(copyProps.getFilter(), source.prefix());
        List<String> selected = new ArrayList<>();
        for (String uri : incoming.uris()) {
            S3ObjectId object;
            try {
                object = S3ObjectId.parse(uri);
            } catch (IllegalArgumentException e) {
                throw new WorkloadException("incoming manifest " + event.manifest() + " lists " + uri
                        + ", which is not an s3://bucket/key object", e);
            }
            if (!source.contains(object)) {
                throw new WorkloadException("incoming manifest " + event.manifest() + " lists " + uri
                        + ", which is not under the source dataset's pathURI " + source
                        + "; its path below the dataset decides where it is copied to");
            }
            if (filter.keeps(object.key())) {
                selected.add(filter.relativePath(object.key()));
            }
        }
        return selected;
    }

    private static S3Location source(ArcNotifyEvent event) {
        try {
            return S3Location.parse(event.dataset().getPathURI());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("source dataset " + event.dataset().id() + " has no S3 location: "
                    + e.getMessage(), e);
        }
    }

    private static S3Location sinkLocation(String role, SinkDataset sink) {
        try {
            return S3Location.parse(sink.getPathURI());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("sink role '" + role + "' (" + sink.id() + ") has no S3 location: "
                    + e.getMessage(), e);
        }
    }

    /** ceil(count × fraction): the number of failed copies that still make a partial result. */
    static int allowedFailures(int count, double fraction) {
        return (int) Math.ceil(count * fraction - ROUNDING);
    }

    static S3CopyProps copyProps(JsonNode workloadProps) {
        S3CopyProps props;
        try {
            props = workloadProps == null ? new S3CopyProps()
                    : Json.records().treeToValue(workloadProps, S3CopyProps.class);
        } catch (JsonProcessingException e) {
            throw new WorkloadException("workloadProps of the s3CopyArc are not valid: " + e.getOriginalMessage(), e);
        }
        double fraction = props.getFailArcOnPartialPercent();
        if (!(fraction >= 0.0 && fraction <= 1.0)) {
            throw new WorkloadException("workloadProps.failArcOnPartialPercent must lie in 0.0-1.0 (a fraction of the "
                    + "copies), found: " + fraction);
        }
        return props;
    }

    private static String quote(List<CopyReport.Failure> failures) {
        String quoted = failures.stream().limit(ERRORS_QUOTED).map(CopyReport.Failure::reason)
                .collect(Collectors.joining("; "));
        return failures.size() > ERRORS_QUOTED ? quoted + "; and " + (failures.size() - ERRORS_QUOTED) + " more"
                : quoted;
    }
}
