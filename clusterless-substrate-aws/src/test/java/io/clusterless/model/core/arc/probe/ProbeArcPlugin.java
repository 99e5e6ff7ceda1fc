package io.clusterless.model.core.arc.probe;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/** The model of {@value ProbeArc#TYPE}: its declaration and its own rule. */
public final class ProbeArcPlugin implements ComponentPlugin, ComponentRules<ProbeArc> {
    private static final ComponentType TYPE = new ComponentType(
            ProbeArc.TYPE, ComponentKind.ARC, ProbeArc.class,
            "A test arc.", "Copies each lot into its one sink.", List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<ProbeArc>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.SETTINGS, ProbeArcPlugin::oneSink));
    }

    private static void oneSink(Located<ProbeArc> arc, RuleContext context, List<Problem> problems) {
        int sinks = arc.value().getSinks().size();
        if (sinks != 1) {
            problems.add(arc.problem("sinks", "a probeArc writes one sink, not " + sinks + "; declare one"));
        }
    }
}
