package io.clusterless.model.core.arc.probe;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value ProbeArc#TYPE} (its own rules are checked in clusterless-substrate-aws's probe). */
public final class ProbeArcPlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            ProbeArc.TYPE, ComponentKind.ARC, ProbeArc.class,
            "A test arc.", "Copies each lot into its sink.", List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }
}
