package io.clusterless.engine.status;

import java.time.Instant;

/** Whether an arc's listener was disabled at some moment (enable/disable keeps the history). */
@FunctionalInterface
public interface ListenerHistory {
    /** Never disabled: what a placement without enable/disable records reads as. */
    ListenerHistory ALWAYS_ENABLED = (project, arc, when) -> false;

    /**
     * @param project the arc's project {@code name/version}
     * @param arc     the arc name
     */
    boolean disabledAt(String project, String arc, Instant when);
}
