package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.schedule.ScheduleExpression;

import java.util.List;

/**
 * An arc's {@code schedule} (ADR-0013) must be an EventBridge expression cls can evaluate, and must say which lot a
 * tick runs: the arc's {@code lotUnit}, or a period that is a lot unit. A scheduled arc starts only on its ticks, so a
 * {@code trigger} on it would say something that does not happen.
 */
final class ScheduleRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            String text = arc.value().getSchedule();
            if (text == null) {
                continue;
            }
            ScheduleExpression expression;
            try {
                expression = ScheduleExpression.parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(arc.problem("schedule", e.getMessage()));
                continue;
            }
            if (arc.value().getLotUnit() == null && expression.lotUnit().isEmpty()) {
                problems.add(arc.problem("schedule", ArcSchedule.needsLotUnit(expression)));
            }
            if (arc.value().getTrigger() != null && arc.value().subscribedSources() > 1) { // else TriggerRule says
                problems.add(arc.problem("trigger", "arc " + arc.value().getName() + " runs on its schedule, which "
                        + "starts each lot with what its sources hold then; remove \"trigger\""));
            }
        }
    }
}
