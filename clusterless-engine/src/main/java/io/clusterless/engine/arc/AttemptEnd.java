package io.clusterless.engine.arc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.arcstate.ArcState;
import io.clusterless.event.WorkloadMetrics;

import java.util.Map;

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
 * @param workloadMetrics what the workload measured about the run ({@link WorkloadMetrics}, e.g. Athena's scanned
 *                   bytes), as the complete gate received them; also on the end's line in {@code stateBody}. Empty
 *                   and omitted for a timeout's end, a workload that reports none, and records written before it
 *                   existed, which read as empty
 */
@JsonPropertyOrder({"arcAttempt", "state", "endedBy", "time", "stateBody", "claim", "workloadMetrics"})
public record AttemptEnd(String arcAttempt, ArcState state, EndedBy endedBy, String time, String stateBody,
                         String claim, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> workloadMetrics) {
    public AttemptEnd {
        workloadMetrics = WorkloadMetrics.copy(workloadMetrics);
    }

    /** An end not claimed yet: {@link #claimedBy} gives it the claiming call's token. */
    public AttemptEnd(String arcAttempt, ArcState state, EndedBy endedBy, String time, String stateBody) {
        this(arcAttempt, state, endedBy, time, stateBody, null, Map.of());
    }

    /** As {@link #AttemptEnd(String, ArcState, EndedBy, String, String)}, with the workload's measurements. */
    public AttemptEnd(String arcAttempt, ArcState state, EndedBy endedBy, String time, String stateBody,
                      Map<String, Long> workloadMetrics) {
        this(arcAttempt, state, endedBy, time, stateBody, null, workloadMetrics);
    }

    AttemptEnd claimedBy(String token) {
        return new AttemptEnd(arcAttempt, state, endedBy, time, stateBody, token, workloadMetrics);
    }

    /** Who ended a run. Lower case because it is written verbatim to JSON. */
    public enum EndedBy {
        /** The complete gate, with the workload's outcome. */
        workload,
        /**
         * A start gate, because the run held the lot longer than the running timeout; or a restarted local run,
         * because the process that ran it died ({@link ArcStateStore#endAbandoned}).
         */
        timeout
    }
}
