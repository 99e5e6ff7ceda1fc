package io.clusterless.model.core.resource.gluetable;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value GlueTableResource#TYPE}: its declaration, documentation and Lambda function names. */
public final class GlueTableResourcePlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            GlueTableResource.TYPE, ComponentKind.RESOURCE, GlueTableResource.class,
            "A Glue table over an S3 prefix.",
            "Creates a Glue table with the given columns, partition keys and data format, located at "
                    + "pathURI. glueAddPartitionsArc sinks (glue://[catalog]/database/table) register "
                    + "partitions in it.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }
}
