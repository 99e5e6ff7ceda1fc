package io.clusterless.engine.ops;

import io.clusterless.engine.plan.ProjectPlan;

/**
 * How one lot of {@code cls exec} went.
 *
 * @param outcome   {@code complete}, {@code started}, {@code alreadyStarted}, a failure…
 * @param execution the execution that runs it (AWS), or null
 * @param arc       the arc of the lot when it is not the one exec was asked for (a roll-up downstream), else null
 */
public record ExecOutcome(ProjectPlan project, String lot, String outcome, String execution, String arc) {
    public ExecOutcome(ProjectPlan project, String lot, String outcome, String execution) {
        this(project, lot, outcome, execution, null);
    }
}
