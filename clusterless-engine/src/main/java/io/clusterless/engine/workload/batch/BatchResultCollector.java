package io.clusterless.engine.workload.batch;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.ManifestState;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result step of a batchExecArc (reference §5.6): after the user's container ran, finds the sink manifest it
 * wrote for the lot, for every sink role: {@code complete}, else {@code empty}, else the newest {@code partial}
 * attempt. A partial result is returned like any other, so the complete gate marks the lot {@code partial} (and
 * re-runnable); the original failed the run instead, and stopped looking after the first role it found.
 * State is read from the keys, not the bodies: listing a lot answers what the container wrote.
 */
public final class BatchResultCollector {
    private static final System.Logger LOG = System.getLogger(BatchResultCollector.class.getName());

    private final ObjectStore store;
    private final WorkloadManifests manifests;

    public BatchResultCollector(ObjectStore store) {
        this.store = store;
        this.manifests = new WorkloadManifests(store);
    }

    /**
     * @return sink role → manifest identifier, in the arc's sink order
     * @throws WorkloadException naming every sink role for which the container wrote no manifest
     */
    public Map<String, String> collect(ArcWorkloadContext context, ArcProps props) {
        String lot = context.arcNotifyEvent().lot();
        Map<String, String> results = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String role : props.sinks().keySet()) {
            ManifestURI sinkLot = manifests.sinkLot(props, role, lot);
            Optional<ManifestURI> found = result(sinkLot);
            if (found.isPresent()) {
                results.put(role, found.get().identifier());
            } else {
                missing.add("'" + role + "' (no current manifest under " + sinkLot.path() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new WorkloadException("the batch job wrote no sink manifest for lot " + lot + " of sink role"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + "; the container must write "
                    + "one per sink role at sinkManifestTemplates[role] (state complete, empty or partial; only partial "
                    + "takes an attempt, a complete or empty one under an attempt is a superseded one)");
        }
        return results;
    }

    private Optional<ManifestURI> result(ManifestURI sinkLot) {
        List<Found> found = new ArrayList<>();
        String prefix = sinkLot.path().substring(("s3://" + sinkLot.bucket() + "/").length());
        store.listAll(sinkLot.bucket(), prefix, null)
                .filter(object -> object.key().endsWith(".json"))
                .forEach(object -> parse(object).ifPresent(uri -> found.add(new Found(uri, object))));
        return first(found, ManifestState.complete)
                .or(() -> first(found, ManifestState.empty))
                .or(() -> found.stream().filter(f -> f.uri.state() == ManifestState.partial)
                        .max(Comparator.comparing((Found f) -> f.object.lastModified(),
                                        Comparator.nullsFirst(Comparator.naturalOrder()))
                                .thenComparing(f -> f.object.key()))
                        .map(Found::uri));
    }

    private static Optional<ManifestURI> first(List<Found> found, ManifestState state) {
        // a final manifest under an attempt was superseded by a replay; it is not this run's result
        return found.stream().filter(f -> f.uri.state() == state && !f.uri.superseded()).findFirst().map(Found::uri);
    }

    /** Keys a container wrote by hand may not follow the layout; they are reported and skipped, not fatal. */
    private static Optional<ManifestURI> parse(ObjectInfo object) {
        try {
            return Optional.of(ManifestURI.parse(object.uri()));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring {0}: not a manifest key ({1})", object.uri(), e.getMessage());
            return Optional.empty();
        }
    }

    private record Found(ManifestURI uri, ObjectInfo object) {
    }
}
