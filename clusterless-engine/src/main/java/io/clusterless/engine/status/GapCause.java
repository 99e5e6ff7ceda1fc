package io.clusterless.engine.status;

/** Why a lot of an arc or dataset is not complete, found by walking upstream (issue: operate pipelines). */
public enum GapCause {
    /** The boundary wrote no manifest for the lot (nothing arrived), or an empty one. */
    noUpstreamData,
    /** The lot's upstream manifest is empty, so this dataset's lot is empty too. */
    upstreamEmpty,
    /** An upstream dataset's lot is itself missing or partial; {@code upstream} names it. */
    upstreamMissing,
    /**
     * A join (ADR-0011) holds the lot of some sources but not of others, or a roll-up (ADR-0012) some of the source
     * lots its lot covers; {@code waitingFor} names each missing source lot. The last one to arrive starts the lot
     * (or, for a roll-up with {@code lateAfter}, its deadline).
     */
    waiting,
    /**
     * A roll-up's lot (ADR-0012) its {@code lateAfter} started with the covered source lots that were there; it is
     * complete, and {@code late} names each source lot it ran without. {@code cls exec --replay} runs it again. Also a
     * scheduled roll-up's lot whose tick ran it without some covered source lots.
     */
    late,

    /**
     * A scheduled arc's tick (ADR-0013) came after the schedule began and its lot has no state: the tick was not
     * delivered or its start failed. {@code cls exec} runs it.
     */
    missedTick,
    /** The upstream lot is complete and the arc never ran for it. */
    neverRan,
    /** The arc ran and ended {@code missing} or {@code partial}; {@code error} holds the recorded error. */
    failed,
    /** The arc is running the lot; {@code since} says when it started and {@code stale} whether it overran its timeout. */
    running,
    /** The arc's listener was disabled when the upstream manifest was announced. */
    disabled,
    /** Objects arrived after the lot's manifest was written; the manifest does not list them. */
    lateArrivals,
    /**
     * An event for the lot failed its retries and waits in a dead-letter queue; {@code detail} names the queue, the
     * event's time and the failure.
     */
    deadLettered
}
