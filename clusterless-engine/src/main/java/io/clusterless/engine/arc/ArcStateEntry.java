package io.clusterless.engine.arc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.arcstate.ArcState;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.WorkloadError;

import java.time.Instant;

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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"state", "arcAttempt", "time", "note", "event", "Error", "Cause"})
public record ArcStateEntry(ArcState state, String arcAttempt, String time, String note, ArcNotifyEvent event,
                            @JsonProperty("Error") String error, @JsonProperty("Cause") String cause) {

    public static ArcStateEntry running(String attempt, Instant time, ArcNotifyEvent event) {
        return new ArcStateEntry(ArcState.running, attempt, time.toString(), null, event, null, null);
    }

    public static ArcStateEntry ended(ArcState state, String attempt, Instant time, String note, WorkloadError error) {
        return new ArcStateEntry(state, attempt, time.toString(), note, null,
                error == null ? null : error.error(), error == null ? null : error.cause());
    }
}
