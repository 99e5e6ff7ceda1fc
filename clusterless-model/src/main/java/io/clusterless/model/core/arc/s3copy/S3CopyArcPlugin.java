package io.clusterless.model.core.arc.s3copy;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/**
 * The model of {@value S3CopyArc#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class S3CopyArcPlugin implements ComponentPlugin, ComponentRules<S3CopyArc> {
    private static final ComponentType TYPE = new ComponentType(
            S3CopyArc.TYPE, ComponentKind.ARC, S3CopyArc.class,
            "Copies each lot of a dataset to other S3 locations.",
            "For every lot of its source, copies the objects kept by the filter to each sink, keeping "
                    + "their paths relative to the dataset prefix, and writes the sink manifest. "
                    + "failArcOnPartialPercent lets some copies fail with a partial manifest.",
            List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<S3CopyArc>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.SETTINGS, S3CopyArcPlugin::partialPercent));
    }

    private static void partialPercent(Located<S3CopyArc> arc, RuleContext context, List<Problem> problems) {
        double percent = arc.value().getWorkload().getWorkloadProps().getFailArcOnPartialPercent();
        if (percent < 0.0 || percent > 1.0) {
            problems.add(arc.problemAt("failArcOnPartialPercent " + percent + " is out of range; use a fraction "
                    + "from 0.0 to 1.0", "workload", "workloadProps", "failArcOnPartialPercent"));
        }
    }
}
