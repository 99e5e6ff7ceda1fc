package io.clusterless.model.core.arc.gluepartitions;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.SinkScheme;

import java.util.List;

/** The model of {@value GlueAddPartitionsArc#TYPE}: its declaration, documentation and Lambda function names. */
public final class GlueAddPartitionsArcPlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            GlueAddPartitionsArc.TYPE, ComponentKind.ARC, GlueAddPartitionsArc.class,
            "Registers the partitions of each lot in a Glue table.",
            "For every lot of its source, derives partitions from the object paths (named key=value "
                    + "segments or plain values) and adds them, 100 at a time, to the Glue table of each "
                    + "sink glue://[catalog]/database/table.",
            List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    /** Its sinks are the Glue tables it adds partitions to. */
    @Override
    public SinkScheme sinkScheme() {
        return SinkScheme.GLUE;
    }
}
