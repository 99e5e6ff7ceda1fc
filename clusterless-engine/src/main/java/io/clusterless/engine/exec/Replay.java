package io.clusterless.engine.exec;

import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStateConflictException;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.manifest.ManifestState;
import io.clusterless.uri.ManifestURI;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Prepares a complete lot to run again ({@code cls exec --replay}, docs/adr/0006-replay.md). Two steps, each
 * repeatable, in this order:
 * <ol>
 *   <li>every sink role's current final manifest ({@code state=complete|empty/manifest.json}) is kept under the
 *   attempt of the run that wrote it ({@code state=complete/attempt=<run>/manifest.json}, same bytes) and removed
 *   from its single key, where the replayed run writes the new one;</li>
 *   <li>the arc state moves {@code complete → missing} with a history line naming that run
 *   ({@link ArcStateStore#reopen}), after which the lot starts like any failed lot.</li>
 * </ol>
 * The lot's arc state stays {@code complete} while manifests are moved, so no run can write a new manifest in
 * between; a crash between the steps leaves a complete lot with its manifest already kept aside, and the next replay
 * finishes the work.
 */
public final class Replay {
    private static final String JSON = "application/json";

    private Replay() {
    }

    /**
     * What reopening a lot did.
     *
     * @param completedBy the run whose completion was reopened; null when the lot was not complete
     * @param superseded  the manifests kept as superseded attempts by this call or an earlier, crashed one
     */
    public record Reopened(String lot, String completedBy, List<String> superseded) {
        public boolean reopened() {
            return completedBy != null;
        }
    }

    /**
     * Reopens {@code lot} of {@code arc} if it is complete; a lot in any other state is left as it is (it runs as a
     * backfill would run it).
     *
     * @throws ArcStateConflictException when a superseded manifest of the same run exists with other content, or the
     *                                   lot kept changing (another replay of the same lot is racing this one)
     */
    public static Reopened reopen(ObjectStore store, ArcGateProps arc, String lot, Clock clock, String reason) {
        ArcStateStore states = new ArcStateStore(store, arc.arcStateURI(), clock);
        Optional<String> completedBy = states.completedBy(lot);
        if (completedBy.isEmpty()) {
            return new Reopened(lot, null, List.of());
        }
        List<String> superseded = new ArrayList<>();
        for (String template : arc.sinkManifestTemplates().values()) {
            ManifestURI sinkLot = ManifestURI.parse(template).withState(null).withAttempt(null).withLot(lot);
            for (ManifestState state : Arrays.asList(ManifestState.complete, ManifestState.empty)) {
                supersede(store, states, sinkLot.withState(state), completedBy.get()).ifPresent(superseded::add);
            }
        }
        if (!states.reopen(lot, completedBy.get(), reason)) {
            throw new ArcStateConflictException("arc " + arc.arc().name() + " lot " + lot + " changed while it was being "
                    + "reopened (another replay or run of the same lot?); look with cls arcs status and try again");
        }
        return new Reopened(lot, completedBy.get(), List.copyOf(superseded));
    }

    /**
     * Keeps the current manifest under {@code run}'s attempt, then removes it; the kept one's URI, if any. The
     * removal happens only while the lot is still complete by {@code run}: a concurrent replay of the same lot that
     * already reopened it and ran it again may have written a byte-identical current manifest, which is not ours to
     * remove.
     */
    private static Optional<String> supersede(ObjectStore store, ArcStateStore states, ManifestURI current,
                                              String run) {
        ManifestURI kept = current.withAttempt(run);
        Optional<StoredObject> found = store.get(current.bucket(), current.key());
        if (found.isEmpty()) {
            // nothing at the single key: never written in this state, or moved by an earlier call that crashed
            return store.head(kept.bucket(), kept.key()).map(info -> kept.identifier());
        }
        byte[] bytes = found.get().body();
        if (store.createIfAbsent(kept.bucket(), kept.key(), bytes, JSON).isEmpty()) {
            byte[] existing = store.get(kept.bucket(), kept.key()).map(StoredObject::body).orElse(null);
            if (!Arrays.equals(existing, bytes)) {
                throw new ArcStateConflictException("cannot keep " + current.identifier() + " as superseded: "
                        + kept.identifier() + (existing == null ? " could not be written" : " exists with other "
                        + "content") + "; the lot was replayed meanwhile");
            }
        }
        if (!states.completedBy(current.lot()).filter(run::equals).isPresent()) {
            throw new ArcStateConflictException("lot " + current.lot() + " is no longer complete by run " + run
                    + " (another replay of it?); " + current.identifier() + " was left in place");
        }
        store.head(current.bucket(), current.key())
                .filter(info -> info.etag() != null && info.etag().equals(found.get().info().etag()))
                .ifPresent(info -> store.delete(current.bucket(), current.key()));
        return Optional.of(kept.identifier());
    }
}
