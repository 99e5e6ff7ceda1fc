package io.clusterless.engine.ops;

import io.clusterless.engine.plan.ProjectPlan;

/**
 * How one lot of {@code cls exec} went.
 *
 * @param outcome   {@code complete}, {@code started}, {@code alreadyStarted}, {@code reopened} (a roll-up lot
 *                  downstream that the replay's announcement starts), a failure…
 * @param execution the execution that runs it (AWS), or null
 * @param arc       the arc of the lot when it is not the one exec was asked for (a roll-up downstream), else null
 * @param detail    what the user may need to do about the lot, or null
 */
public record ExecOutcome(ProjectPlan project, String lot, String outcome, String execution, String arc,
                          String detail) {
    /** The outcome {@link #reopened}'s lots have. */
    public static final String REOPENED = "reopened";

    public ExecOutcome(ProjectPlan project, String lot, String outcome, String execution) {
        this(project, lot, outcome, execution, null, null);
    }

    public ExecOutcome(ProjectPlan project, String lot, String outcome, String execution, String arc) {
        this(project, lot, outcome, execution, arc, null);
    }

    /** A roll-up lot downstream of a replay, reopened for the replay's announcement to start. */
    public static ExecOutcome reopened(ExecRequest.RollUp rollUp, String detail) {
        return new ExecOutcome(rollUp.project(), rollUp.lot(), REOPENED, null, rollUp.arc().name(), detail);
    }
}
