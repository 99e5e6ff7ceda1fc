package io.clusterless.engine.workload.athena;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.LotFolders;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.Manifest;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.athena.SourceTable;
import io.clusterless.uri.ManifestURI;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The athenaQueryArc's work around the query, the same on AWS (a Lambda before and after Athena) and locally (around
 * DuckDB): {@link #prepare} expands the SELECT for the lot; {@link #clear} empties the lot's folder
 * {@code <sink>lot=<LOT>/} so a replayed or retried lot replaces its objects; {@link #finish} lists what the query
 * wrote and writes the sink manifest ({@code empty} when nothing was). The folder's part is shared with other service
 * job arcs ({@link LotFolders}).
 */
public final class AthenaQueryWorkload {
    private final WorkloadManifests manifests;
    private final ManifestStore manifestStore;
    private final LotFolders folders;

    public AthenaQueryWorkload(ObjectStore store) {
        this.manifests = new WorkloadManifests(store);
        this.manifestStore = new ManifestStore(store);
        this.folders = new LotFolders(store);
    }

    /**
     * One lot's query.
     *
     * @param select the SELECT, placeholders expanded
     * @param folder the sink's folder of the lot, {@code <sink>lot=<LOT>/}, and its final manifest if written already
     */
    public record LotQuery(String select, LotFolders.LotFolder folder) {
        public String lot() {
            return folder.lot();
        }

        public S3Location target() {
            return folder.target();
        }

        /** The lot's final sink manifest when one is written already (a duplicate run: nothing to do). */
        public Optional<ManifestURI> finished() {
            return folder.finished();
        }
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
        String sinkRole = arcProps.sinks().keySet().stream().findFirst()
                .orElseThrow(() -> new WorkloadException("the athenaQueryArc has no sink"));
        return new LotQuery(select, folders.of(arcProps, sinkRole, lot));
    }

    /** {@code <sink pathURI>lot=<LOT>/}. */
    public static S3Location target(SinkDataset sink, String lot) {
        return LotFolders.target(sink, lot);
    }

    /** Removes every object in the lot's folder, what an earlier or interrupted run of the lot wrote. */
    public int clear(S3Location target) {
        return folders.clear(target);
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
        return Map.of(query.folder().sinkRole(), folders.finish(query.folder(), attemptId,
                "the query returned no rows", note));
    }

    private static String sourceManifest(ArcProps props, String role, String lot) {
        String template = props.sourceManifestPaths().get(role);
        if (template == null) {
            throw new WorkloadException("no sourceManifestPaths entry for source role '" + role + "'; redeploy the arc");
        }
        return ManifestURI.parse(template).withLot(lot).identifier();
    }
}
