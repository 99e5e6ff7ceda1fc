package io.clusterless.model.core.resource.gluedatabase;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value GlueDatabaseResource#TYPE}: its declaration, documentation and Lambda function names. */
public final class GlueDatabaseResourcePlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            GlueDatabaseResource.TYPE, ComponentKind.RESOURCE, GlueDatabaseResource.class,
            "A Glue Data Catalog database.",
            "Creates a Glue database; glueTable components point at it with databaseRef.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }
}
