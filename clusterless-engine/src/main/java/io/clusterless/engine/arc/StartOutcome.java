package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;

/**
 * What {@link ArcStateStore#start} did.
 *
 * @param previousState the lot's state before: {@code null} if it never ran; {@code missing} for a run that timed out
 * @param currentState  {@code running} when this call started a run (or when another run holds the lot),
 *                      {@code complete} when the lot is done
 * @param arcAttempt    the new run's token when this call started it, else {@code null}
 */
public record StartOutcome(ArcState previousState, ArcState currentState, String arcAttempt) {
    static StartOutcome started(ArcState previous, String attempt) {
        return new StartOutcome(previous, ArcState.running, attempt);
    }

    static StartOutcome alreadyRunning() {
        return new StartOutcome(ArcState.running, ArcState.running, null);
    }

    static StartOutcome alreadyComplete() {
        return new StartOutcome(ArcState.complete, ArcState.complete, null);
    }

    /** Whether this call started a run, which the caller must now carry to the complete gate. */
    public boolean started() {
        return arcAttempt != null;
    }
}
