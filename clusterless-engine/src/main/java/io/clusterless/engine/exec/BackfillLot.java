package io.clusterless.engine.exec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.event.ArcNotifyEvent;

import java.util.List;

/**
 * One lot {@code cls exec} runs for an arc, and why.
 *
 * @param project    the arc's project {@code name/version}
 * @param arcState   the arc's state for the lot before the run; null when it never ran
 * @param reason     why the lot runs, for people ({@code --dry-run})
 * @param event      the notification the arc's listener would have received; null for a lot that waits
 * @param waitingFor a join's or roll-up's lot that cannot run yet (ADR-0011, ADR-0012): each source lot it waits
 *                   for; null otherwise
 * @param lateTick   a roll-up's lot past its lateAfter deadline that starts with what is there (ADR-0012): the
 *                   deadline, which as a late tick's time names the lot; null otherwise (then {@code event} runs it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"project", "arc", "lot", "arcState", "reason", "waitingFor"})
public record BackfillLot(String project, String arc, String lot, String arcState, String reason,
                          @JsonIgnore ArcNotifyEvent event, List<String> waitingFor, @JsonIgnore String lateTick) {
    public BackfillLot(String project, String arc, String lot, String arcState, String reason, ArcNotifyEvent event) {
        this(project, arc, lot, arcState, reason, event, null, null);
    }

    public BackfillLot(String project, String arc, String lot, String arcState, String reason, ArcNotifyEvent event,
                       List<String> waitingFor) {
        this(project, arc, lot, arcState, reason, event, waitingFor, null);
    }
}
