package io.clusterless.runtime.arc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.arcstate.ArcState;

/**
 * How one run of a lot ended, written once at {@code arc-attempts/…/lot=<lot>/attempt=<arcAttempt>.json} by whoever
 * ended it first: the complete gate with the workload's outcome, or a later start gate that found the run past its
 * timeout ({@code missing}). Creating this record is the decision; everything after it (writing the state object,
 * removing {@code running.arc}) is derived from it and may be repeated by anyone, so a crash halfway is finished by
 * the next reader.
 *
 * @param arcAttempt the run
 * @param state      the state the lot moves to
 * @param endedBy    who decided
 * @param time       when, ISO-8601 instant
 * @param stateBody  the exact body of the new state object, so every writer of it writes the same bytes
 */
@JsonPropertyOrder({"arcAttempt", "state", "endedBy", "time", "stateBody"})
public record AttemptEnd(String arcAttempt, ArcState state, EndedBy endedBy, String time, String stateBody) {
    /** Who ended a run. Lower case because it is written verbatim to JSON. */
    public enum EndedBy {
        /** The complete gate, with the workload's outcome. */
        workload,
        /** A start gate, because the run held the lot longer than the running timeout. */
        timeout
    }
}
