package io.clusterless.engine.workload.athena;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.athena.SourceTable;
import io.clusterless.uri.ManifestURI;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The athenaQueryArc's work around the query, the same on AWS (a Lambda before and after Athena) and locally (around
 * DuckDB): {@link #prepare} expands the SELECT for the lot; {@link #clear} empties the lot's folder
 * {@code <sink>lot=<LOT>/} so a replayed or retried lot replaces its objects; {@link #finish} lists what the query
 * wrote and writes the sink manifest ({@code empty} when nothing was). Only a finished write is ever listed in a
 * manifest: a run killed while writing leaves no manifest, and the next run clears the folder first.
 */
public final class AthenaQueryWorkload {
    private final ObjectStore store;
    private final WorkloadManifests manifests;
    private final ManifestStore manifestStore;

    public AthenaQueryWorkload(ObjectStore store) {
        this.store = store;
        this.manifests = new WorkloadManifests(store);
        this.manifestStore = new ManifestStore(store);
    }

    /**
     * One lot's query.
     *
     * @param select   the SELECT, placeholders expanded
     * @param target   the lot's folder, {@code <sink>lot=<LOT>/}
     * @param finished the lot's final sink manifest when one is written already (a duplicate run: nothing to do)
     */
    public record LotQuery(String lot, String select, String sinkRole, S3Location target, ManifestURI sinkLot,
                           Optional<ManifestURI> finished) {
    }

    public LotQuery prepare(ArcWorkloadContext context, ArcProps arcProps, AthenaQueryProps props) {
        ArcNotifyEvent event = context.arcNotifyEvent();
        Manifest incoming = manifests.incoming(event);
        String lot = event.lot();
        Map<String, String> tables = new LinkedHashMap<>();
        props.tables().forEach((role, table) -> tables.put(role, table.quotedName()));
        String select = QueryExpansion.expand(props.query(), lot, tables, role -> {
            SourceTable table = props.table(role);
            if (role.equals(context.role())) {
                return LotPredicate.of(table, incoming, event.manifest());
            }
            String uri = sourceManifest(arcProps, role, lot);
            Manifest other = manifestStore.read(uri).orElseThrow(() -> new WorkloadException("source role '" + role
                    + "' has no complete manifest for lot " + lot + " (" + uri + "); its lotPredicate cannot be "
                    + "built until that lot is complete"));
            return LotPredicate.of(table, other, uri);
        });
        Map.Entry<String, SinkDataset> sink = arcProps.sinks().entrySet().stream().findFirst()
                .orElseThrow(() -> new WorkloadException("the athenaQueryArc has no sink"));
        S3Location target = target(sink.getValue(), lot);
        ManifestURI sinkLot = manifests.sinkLot(arcProps, sink.getKey(), lot);
        return new LotQuery(lot, select, sink.getKey(), target, sinkLot, manifests.finished(sinkLot));
    }

    /** {@code <sink pathURI>lot=<LOT>/}. */
    public static S3Location target(SinkDataset sink, String lot) {
        try {
            S3Location base = S3Location.parse(sink.getPathURI());
            return new S3Location(base.bucket(), base.prefix() + "lot=" + lot + "/");
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("sink " + sink.id() + " is not an S3 location: " + e.getMessage(), e);
        }
    }

    /** Removes every object in the lot's folder, what an earlier or interrupted run of the lot wrote. */
    public int clear(S3Location target) {
        List<String> keys = store.listKeys(target.bucket(), target.prefix(), null).map(ObjectInfo::key).toList();
        keys.forEach(key -> store.delete(target.bucket(), key));
        return keys.size();
    }

    /**
     * Lists the lot's folder and writes the sink manifest: {@code complete} with every object, {@code empty} when the
     * query wrote none.
     *
     * @return sink role → manifest identifier
     */
    public Map<String, String> finish(LotQuery query, String attemptId) {
        return finish(query, attemptId, null);
    }

    /** @param note added to the manifest's comment, e.g. the bytes Athena scanned; may be null */
    public Map<String, String> finish(LotQuery query, String attemptId, String note) {
        if (query.finished().isPresent()) {
            return Map.of(query.sinkRole(), query.finished().get().identifier());
        }
        S3Location target = query.target();
        List<String> uris = store.listKeys(target.bucket(), target.prefix(), null)
                .map(object -> "s3://" + target.bucket() + "/" + object.key()).toList();
        Manifest manifest = uris.isEmpty()
                ? new Manifest(ManifestState.empty, "the query returned no rows" + (note == null ? "" : "; " + note),
                query.lot(), UriType.identifier, List.of())
                : new Manifest(ManifestState.complete, note, query.lot(), UriType.identifier, uris);
        return Map.of(query.sinkRole(), manifests.write(query.sinkLot(), manifest, attemptId).identifier());
    }

    private static String sourceManifest(ArcProps props, String role, String lot) {
        String template = props.sourceManifestPaths().get(role);
        if (template == null) {
            throw new WorkloadException("no sourceManifestPaths entry for source role '" + role + "'; redeploy the arc");
        }
        return ManifestURI.parse(template).withLot(lot).identifier();
    }
}
