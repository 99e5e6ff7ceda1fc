package io.clusterless.engine.workload;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;

import java.util.List;
import java.util.Optional;

/**
 * The sink side of an arc whose work is done by a service job that writes files but no manifest (an Athena UNLOAD, a
 * Glue job run), the same on AWS and locally: each sink role's lot folder {@code <sink pathURI>lot=<LOT>/} is
 * {@linkplain #clear cleared} before the job so a replayed or retried lot replaces its objects, and
 * {@linkplain #finish listed} after it into the sink manifest ({@code empty} when the job wrote nothing). Only a
 * finished job is ever listed: a run killed while the job writes leaves no manifest, and the next run clears first.
 */
public final class LotFolders {
    private final ObjectStore store;
    private final WorkloadManifests manifests;

    public LotFolders(ObjectStore store) {
        this.store = store;
        this.manifests = new WorkloadManifests(store);
    }

    /**
     * One sink role's folder of one lot.
     *
     * @param target   {@code <sink pathURI>lot=<LOT>/}
     * @param sinkLot  the role's manifests of the lot, state and attempt still open
     * @param finished the lot's final sink manifest when one is written already (a duplicate run: nothing to do)
     */
    public record LotFolder(String lot, String sinkRole, S3Location target, ManifestURI sinkLot,
                            Optional<ManifestURI> finished) {
    }

    /** The folder of {@code sinkRole} for {@code lot}, and its final manifest if the lot has one. */
    public LotFolder of(ArcProps props, String sinkRole, String lot) {
        SinkDataset sink = props.sinks().get(sinkRole);
        if (sink == null) {
            throw new WorkloadException("the arc props have no sink role '" + sinkRole + "'; roles: "
                    + props.sinks().keySet() + "; redeploy the arc");
        }
        ManifestURI sinkLot = manifests.sinkLot(props, sinkRole, lot);
        return new LotFolder(lot, sinkRole, target(sink, lot), sinkLot, manifests.finished(sinkLot));
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
     * job wrote none. A lot that has its final manifest keeps it.
     *
     * @param emptyComment the empty manifest's comment, e.g. "the query returned no rows"
     * @param note         added to the manifest's comment, e.g. the bytes Athena scanned; may be null
     * @return the identifier of the manifest that now stands for the lot
     */
    public String finish(LotFolder folder, String attemptId, String emptyComment, String note) {
        if (folder.finished().isPresent()) {
            return folder.finished().get().identifier();
        }
        S3Location target = folder.target();
        List<String> uris = store.listKeys(target.bucket(), target.prefix(), null)
                .map(object -> "s3://" + target.bucket() + "/" + object.key()).toList();
        Manifest manifest = uris.isEmpty()
                ? new Manifest(ManifestState.empty, emptyComment + (note == null ? "" : "; " + note), folder.lot(),
                UriType.identifier, List.of())
                : new Manifest(ManifestState.complete, note, folder.lot(), UriType.identifier, uris);
        return manifests.write(folder.sinkLot(), manifest, attemptId).identifier();
    }
}
