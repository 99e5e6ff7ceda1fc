package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.event.WorkloadError;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arc complete gate (reference §5.7): after the workload, decides the lot's new state from the sink manifests and
 * the workload error, announces complete sinks on the arc bus, and records the state, but only while the run still
 * holds the lot: a run that outlived its timeout and was taken over is refused (nothing announced, nothing recorded).
 * <p>
 * Order matters for a crash: events are published before the state is recorded, so a crash in between leaves the lot
 * {@code running} until its timeout and the run is repeated (events at least once), rather than a complete lot whose
 * sinks were never announced.
 */
public final class ArcCompleteGate {
    private final ArcGateProps props;
    private final ArcStateStore states;
    private final ManifestStore manifests;
    private final EventPublisher publisher;

    public ArcCompleteGate(ArcGateProps props, ObjectStore store, EventPublisher publisher, Clock clock) {
        this.props = props;
        ObjectStore retrying = RetryingObjectStore.wrap(store);
        this.states = new ArcStateStore(retrying, props.arcStateURI(), clock);
        this.manifests = new ManifestStore(retrying);
        this.publisher = publisher;
    }

    /**
     * @return the context with {@code previousState = running} and {@code currentState} the recorded state
     * @throws ArcAttemptSupersededException if the run no longer holds the lot
     * @throws IllegalStateException         if the workload's result is unusable (no manifests and no error, a
     *                                       manifest that does not exist or has an unexpected state); the lot is
     *                                       recorded {@code missing} first, so it can be run again
     * @throws IllegalArgumentException      if the context did not come from a started run
     */
    public ArcStateContext complete(ArcStateContext context) {
        String lot = lotOf(context);
        String attempt = context.arcAttempt();
        Optional<AttemptEnd> alreadyEnded = states.requireOwner(lot, attempt);
        Outcome outcome;
        try {
            outcome = decide(lot, context.sinkManifests(), context.workloadError());
        } catch (UnusableResultException e) {
            states.end(lot, attempt, ArcState.missing, e.asWorkloadError(), e.getMessage(),
                    context.workloadMetrics());
            throw new IllegalStateException(e.getMessage() + "; arc " + props.arc().name() + " lot " + lot
                    + " is recorded as missing and will run again on its next event", e);
        }
        if (alreadyEnded.isEmpty() && outcome.state() == ArcState.complete) {
            announce(lot, context.sinkManifests());
        }
        AttemptEnd end = states.end(lot, attempt, outcome.state(), outcome.error(), outcome.note(),
                context.workloadMetrics());
        return new ArcStateContext(ArcState.running, end.state(), context.arcWorkloadContext(), context.sinkManifests(),
                context.workloadResponse(), context.workloadError(), attempt, List.of(), end.workloadMetrics());
    }

    private String lotOf(ArcStateContext context) {
        ArcWorkloadContext workload = context.arcWorkloadContext();
        ArcNotifyEvent event = workload == null ? null : workload.arcNotifyEvent();
        if (event == null || event.lot() == null) {
            throw new IllegalArgumentException("arc " + props.arc().name() + " complete gate needs "
                    + "$.arcWorkloadContext.arcNotifyEvent.lot; the context has none");
        }
        if (context.currentState() != ArcState.running || context.arcAttempt() == null) {
            throw new IllegalArgumentException("arc " + props.arc().name() + " lot " + event.lot() + ": the complete gate "
                    + "ends a run the start gate started (currentState running with an arcAttempt); found currentState "
                    + context.currentState() + (context.arcAttempt() == null ? " without an arcAttempt" : ""));
        }
        return event.lot();
    }

    /**
     * The new state: an error with no manifests is {@code missing}; any {@code partial} manifest, or an error beside
     * manifests, is {@code partial} (output exists but the run did not finish cleanly, so it is not announced as
     * complete); otherwise {@code complete}, including when every manifest is {@code empty}.
     */
    Outcome decide(String lot, Map<String, String> sinkManifests, WorkloadError error) {
        if (sinkManifests.isEmpty()) {
            if (error == null) {
                throw new UnusableResultException("SinkManifestsMissing",
                        "workload sink manifests is missing/empty and the workload reported no error");
            }
            return new Outcome(ArcState.missing, error, "the workload failed without output");
        }
        Map<String, ManifestState> states = new LinkedHashMap<>();
        sinkManifests.forEach((role, uri) -> {
            if (!props.arc().sinks().containsKey(role)) {
                throw new UnusableResultException("SinkRoleUnknown", "the workload returned a manifest for sink role '"
                        + role + "', which arc " + props.arc().name() + " does not declare (sinks: "
                        + props.arc().sinks().keySet() + ")");
            }
            Manifest manifest = read(uri);
            if (manifest.lotId() != null && !manifest.lotId().equals(lot)) {
                throw new UnusableResultException("SinkManifestLotMismatch", "sink manifest " + uri + " is for lot "
                        + manifest.lotId() + ", not " + lot);
            }
            states.put(role, manifest.state());
        });
        if (states.containsValue(ManifestState.partial) || error != null) {
            return new Outcome(ArcState.partial, error, "partial output: " + states);
        }
        if (states.values().stream().allMatch(s -> s == ManifestState.complete || s == ManifestState.empty)) {
            return new Outcome(ArcState.complete, null, null);
        }
        throw new UnusableResultException("SinkManifestStateUnexpected", "sink manifests in states " + states
                + " do not say whether the lot is complete");
    }

    private Manifest read(String uri) {
        try {
            return manifests.read(uri).orElseThrow(() -> new UnusableResultException("SinkManifestNotFound",
                    "sink manifest " + uri + " does not exist"));
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UnusableResultException("SinkManifestUnreadable", "sink manifest " + uri + " cannot be read: "
                    + e.getMessage());
        }
    }

    /** One event per sink, in role order: the sink dataset (with its path), the incoming lot, the sink's manifest. */
    private void announce(String lot, Map<String, String> sinkManifests) {
        sinkManifests.forEach((role, uri) -> {
            SinkDataset sink = props.arc().sinks().get(role);
            if (sink.isPublish()) {
                publisher.publish(new ArcNotifyEvent(sink, lot, uri));
            }
        });
    }

    /** The decided state and what to append to its state object. */
    record Outcome(ArcState state, WorkloadError error, String note) {
    }

    /** The workload's result cannot be turned into a state; recorded as the error of a {@code missing} lot. */
    static final class UnusableResultException extends RuntimeException {
        private final String code;

        UnusableResultException(String code, String message) {
            super(message);
            this.code = code;
        }

        WorkloadError asWorkloadError() {
            return new WorkloadError(code, getMessage());
        }
    }
}
