package io.clusterless.model.core.arc.s3copy;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value S3CopyArc#TYPE}: its declaration, documentation and Lambda function names. */
public final class S3CopyArcPlugin implements ComponentPlugin {
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
}
