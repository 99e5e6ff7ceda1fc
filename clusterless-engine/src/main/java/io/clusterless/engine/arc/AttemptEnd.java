package io.clusterless.engine.arc;

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
 * @param claim      a token of the call that wrote the record (null in records written before it existed). A create
 *                   refused by a record with exactly its own bytes counts as its own (a retry after a lost response);
 *                   without the token, takers sharing a clock second (or a test's fixed clock) write identical records,
 *                   and every one of them took itself for the decider and removed {@code running.arc}
 */
@JsonPropertyOrder({"arcAttempt", "state", "endedBy", "time", "stateBody", "claim"})
public record AttemptEnd(String arcAttempt, ArcState state, EndedBy endedBy, String time, String stateBody,
                         String claim) {
    /** An end not claimed yet: {@link #claimedBy} gives it the claiming call's token. */
    public AttemptEnd(String arcAttempt, ArcState state, EndedBy endedBy, String time, String stateBody) {
        this(arcAttempt, state, endedBy, time, stateBody, null);
    }

    AttemptEnd claimedBy(String token) {
        return new AttemptEnd(arcAttempt, state, endedBy, time, stateBody, token);
    }

    /** Who ended a run. Lower case because it is written verbatim to JSON. */
    public enum EndedBy {
        /** The complete gate, with the workload's outcome. */
        workload,
        /** A start gate, because the run held the lot longer than the running timeout. */
        timeout
    }
}
