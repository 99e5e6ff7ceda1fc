package io.clusterless.model.validate;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;

/** Lot units (of boundaries and arcs) and activity intervals must name a {@link LotUnit}. */
final class LotUnitRule implements Rule {
    private static final String UNITS = "Fourths (15 min), Sixths (10 min), Twelfths (5 min), Hours or Days";

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
            check(boundary, "lotUnit", boundary.value().getLotUnit(), problems);
        }
        for (Located<Arc> arc : Elements.ofType(project, Arc.class)) {
            if (arc.value().getLotUnit() != null) {
                check(arc, "lotUnit", arc.value().getLotUnit(), problems);
            }
        }
        for (Located<Activity> activity : Elements.ofType(project, Activity.class)) {
            check(activity, "interval", activity.value().getInterval(), problems);
        }
    }

    private static void check(Located<?> located, String field, String value, List<Problem> problems) {
        try {
            LotUnit.parse(value);
        } catch (IllegalArgumentException e) {
            problems.add(located.problem(field, "unsupported " + field + " \"" + value + "\"; use " + UNITS));
        }
    }
}
