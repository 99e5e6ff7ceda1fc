package io.clusterless.engine.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One lot of an arc or a dataset that is not complete, and why.
 *
 * @param kind     {@code arc} or {@code dataset}
 * @param project  the arc's project {@code name/version}; null for datasets
 * @param name     the arc name, or the dataset id {@code name/version}
 * @param upstream the upstream lot the cause lies in, e.g. {@code dataset chain-a/20230101 lot 20230101PT5M042}
 * @param detail   the cause in words, for people
 * @param since    running lots: when the run started (ISO instant)
 * @param stale    running lots: whether the run overran the arc's timeout, so the next event or {@code exec} reruns it
 * @param error    failed lots: the recorded workload error ({@code Error: Cause})
 * @param waitingFor a join's or roll-up's lot (ADR-0011, ADR-0012): each subscribed source lot it still waits for,
 *                   as {@code dataset <name>/<version> lot <lot>}; null when it waits for none
 * @param late       a roll-up's lot its lateAfter started (ADR-0012): each source lot it ran without; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"kind", "project", "name", "lot", "cause", "upstream", "detail", "since", "stale", "error",
        "waitingFor", "late"})
public record Gap(String kind, String project, String name, String lot, GapCause cause, String upstream,
                  String detail, String since, Boolean stale, String error, java.util.List<String> waitingFor,
                  java.util.List<String> late) {
    public static final String ARC = "arc";
    public static final String DATASET = "dataset";

    public Gap(String kind, String project, String name, String lot, GapCause cause, String upstream, String detail,
               String since, Boolean stale, String error, java.util.List<String> waitingFor) {
        this(kind, project, name, lot, cause, upstream, detail, since, stale, error, waitingFor, null);
    }
}
