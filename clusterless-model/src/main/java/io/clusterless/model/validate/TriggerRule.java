package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;

/**
 * {@code trigger} chooses between a join and first-lot-wins (ADR-0011), which only differ for an arc with several
 * subscribed sources; on any other arc it would say something that does not happen. Unknown values are refused by the
 * shape check, like every enumeration.
 */
final class TriggerRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            if (arc.value().getTrigger() != null && arc.value().subscribedSources() < 2) {
                problems.add(arc.problem("trigger", "trigger \"" + arc.value().getTrigger() + "\" applies to arcs "
                        + "with two or more subscribed sources; arc " + arc.value().getName() + " has "
                        + arc.value().subscribedSources() + ", so remove \"trigger\""));
            }
        }
    }
}
