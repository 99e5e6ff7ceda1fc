package io.clusterless.engine.arc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.arcstate.ArcState;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.WorkloadError;
import io.clusterless.event.WorkloadMetrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of a state object's body: the body of {@code <state>.arc} is the lot's history, one JSON document per
 * line, each transition appending its line. The workload error of a transition sits in the line's own
 * {@code Error}/{@code Cause} fields, so a reader that expects the reference's "newline-separated JSON of workload
 * errors" reads it as one.
 *
 * @param state      the state entered
 * @param arcAttempt the run that entered it: the start gate's token
 * @param time       when, ISO-8601 instant, by the writer's clock (for people; the protocol compares tokens)
 * @param note       why, for people, e.g. "no outcome recorded within PT1H"
 * @param event      the event that started the run; on {@code running} lines only
 * @param error      the workload error's name, when the transition carried one
 * @param cause      the workload error's cause
 * @param late       a roll-up's lot started by its {@code lateAfter} (ADR-0012), on its {@code running} line: each
 *                   covered source lot it started without ({@code dataset <name>/<version> lot <lot>}); empty and
 *                   omitted otherwise
 * @param workloadMetrics what the workload measured about the run ({@link WorkloadMetrics}), on the line of its end
 *                   by the complete gate; empty and omitted otherwise, and absent from lines written before it existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"state", "arcAttempt", "time", "note", "event", "Error", "Cause", "late", "workloadMetrics"})
public record ArcStateEntry(ArcState state, String arcAttempt, String time, String note, ArcNotifyEvent event,
                            @JsonProperty("Error") String error, @JsonProperty("Cause") String cause,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> late,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> workloadMetrics) {
    public ArcStateEntry {
        late = late == null ? List.of() : List.copyOf(late);
        workloadMetrics = WorkloadMetrics.copy(workloadMetrics);
    }

    public ArcStateEntry(ArcState state, String arcAttempt, String time, String note, ArcNotifyEvent event,
                         String error, String cause, List<String> late) {
        this(state, arcAttempt, time, note, event, error, cause, late, Map.of());
    }

    public ArcStateEntry(ArcState state, String arcAttempt, String time, String note, ArcNotifyEvent event,
                         String error, String cause) {
        this(state, arcAttempt, time, note, event, error, cause, List.of());
    }

    public static ArcStateEntry running(String attempt, Instant time, ArcNotifyEvent event) {
        return running(attempt, time, event, List.of());
    }

    /** A run's first line; {@code late} names the source lots a roll-up started without (ADR-0012). */
    public static ArcStateEntry running(String attempt, Instant time, ArcNotifyEvent event, List<String> late) {
        return new ArcStateEntry(ArcState.running, attempt, time.toString(),
                late.isEmpty() ? null : "started late, without " + late.size() + " source lot(s)", event, null,
                null, late);
    }

    public static ArcStateEntry ended(ArcState state, String attempt, Instant time, String note, WorkloadError error) {
        return ended(state, attempt, time, note, error, Map.of());
    }

    /** A run's end, with what its workload measured ({@link WorkloadMetrics}). */
    public static ArcStateEntry ended(ArcState state, String attempt, Instant time, String note, WorkloadError error,
                                      Map<String, Long> workloadMetrics) {
        return new ArcStateEntry(state, attempt, time.toString(), note, null,
                error == null ? null : error.error(), error == null ? null : error.cause(), List.of(),
                workloadMetrics);
    }
}
