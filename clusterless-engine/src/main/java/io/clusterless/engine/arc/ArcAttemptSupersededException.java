package io.clusterless.engine.arc;

/**
 * A run tried to record its outcome after it lost the lot: it held the lot longer than the running timeout and a later
 * event ran the lot again. Its outcome is not recorded and nothing is announced for it; the later run's is.
 */
public final class ArcAttemptSupersededException extends ArcStateConflictException {
    private final String lot;
    private final String arcAttempt;

    public ArcAttemptSupersededException(String lot, String arcAttempt, String message) {
        super(message);
        this.lot = lot;
        this.arcAttempt = arcAttempt;
    }

    public String lot() {
        return lot;
    }

    public String arcAttempt() {
        return arcAttempt;
    }
}
