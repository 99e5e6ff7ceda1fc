package io.clusterless.engine.workload;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.uri.ManifestURI;

import java.util.List;
import java.util.Optional;

/**
 * The manifests a built-in workload reads and writes: the incoming lot's manifest, and one sink manifest per sink
 * role. A lot keeps the first final ({@code complete} or {@code empty}) manifest written for it: a replayed or
 * duplicate run finds it and returns it rather than writing a second one; {@code partial} manifests are written per
 * attempt so retries never collide.
 */
public final class WorkloadManifests {
    private static final System.Logger LOG = System.getLogger(WorkloadManifests.class.getName());

    private final ManifestStore manifests;

    public WorkloadManifests(ObjectStore store) {
        this.manifests = new ManifestStore(store);
    }

    /**
     * The manifest the event announces.
     *
     * @throws WorkloadException when it is absent, unreadable, or not a lot an arc runs on
     */
    public Manifest incoming(ArcNotifyEvent event) {
        String uri = event.manifest();
        String lot = "lot " + event.lot() + " of dataset " + (event.dataset() == null ? "?" : event.dataset().id());
        if (uri == null || uri.isBlank()) {
            throw new WorkloadException("the arc event for " + lot + " names no manifest");
        }
        Manifest manifest;
        try {
            manifest = manifests.read(uri).orElseThrow(() -> new WorkloadException("incoming manifest " + uri
                    + " of " + lot + " does not exist; the event names a manifest that was never written or was "
                    + "deleted, so there is nothing to work on"));
        } catch (WorkloadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorkloadException("cannot read incoming manifest " + uri + " of " + lot + ": " + e.getMessage(), e);
        }
        if (manifest.state() != ManifestState.complete && manifest.state() != ManifestState.empty) {
            throw new WorkloadException("incoming manifest " + uri + " of " + lot + " is " + manifest.state()
                    + "; arcs run only on complete or empty lots");
        }
        return manifest;
    }

    /**
     * The sink role's manifests of {@code lot}, state and attempt still open, from the arc's
     * {@code sinkManifestTemplates}.
     *
     * @throws WorkloadException when the role has no template or it is not a manifest template
     */
    public ManifestURI sinkLot(ArcProps props, String role, String lot) {
        String template = props.sinkManifestTemplates().get(role);
        if (template == null) {
            throw new WorkloadException("no sinkManifestTemplates entry for sink role '" + role + "'; the arc props "
                    + "have templates for " + props.sinkManifestTemplates().keySet() + "; redeploy the arc");
        }
        try {
            return ManifestURI.parse(template).withState(null).withAttempt(null).withLot(lot);
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("sinkManifestTemplates of sink role '" + role + "' is not a manifest template: "
                    + e.getMessage(), e);
        }
    }

    /** The lot's final manifest, {@code complete} or else {@code empty}, if one was written. */
    public Optional<ManifestURI> finished(ManifestURI sinkLot) {
        List<ManifestURI> written = manifests.lotManifests(sinkLot);
        return written.stream().filter(uri -> uri.currentFinal() && uri.state() == ManifestState.complete).findFirst()
                .or(() -> written.stream().filter(uri -> uri.currentFinal() && uri.state() == ManifestState.empty)
                        .findFirst());
    }

    /**
     * Writes {@code manifest} for the lot: final states at their single key, {@code partial} (and {@code removed})
     * under {@code attemptId}. When the lot already has a final manifest, it is kept and returned instead.
     *
     * @return the manifest that now stands for the lot
     * @throws WorkloadException when this attempt already wrote a different partial manifest
     */
    public ManifestURI write(ManifestURI sinkLot, Manifest manifest, String attemptId) {
        ManifestURI target = sinkLot.withState(manifest.state());
        if (manifest.state().hasAttempt()) {
            target = target.withAttempt(attemptId);
        } else {
            Optional<ManifestURI> existing = finished(sinkLot);
            if (existing.isPresent()) {
                return kept(existing.get(), manifest);
            }
        }
        if (manifests.create(target, manifest)) {
            return target;
        }
        if (manifest.state().hasAttempt()) {
            throw new WorkloadException("attempt " + attemptId + " already wrote a different " + manifest.state()
                    + " manifest at " + target.identifier() + "; attempt ids must be unique per run");
        }
        // Another run of the same lot wrote its final manifest between our check and our write.
        ManifestURI winner = finished(sinkLot).orElse(target);
        return kept(winner, manifest);
    }

    private static ManifestURI kept(ManifestURI existing, Manifest ours) {
        LOG.log(System.Logger.Level.WARNING, "lot {0} already has its {1} manifest {2}; kept it, not writing a {3} one "
                + "(a replayed or duplicate run)", existing.lot(), existing.state(), existing.identifier(), ours.state());
        return existing;
    }
}
