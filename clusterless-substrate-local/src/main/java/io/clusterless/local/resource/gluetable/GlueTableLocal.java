package io.clusterless.local.resource.gluetable;

import io.clusterless.local.resource.LocalResourceContext;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;

/**
 * glueTable on one machine: the file {@code catalog/<database>/<table>.json} of the local catalog, its storage
 * descriptor naming the table's pathURI; a table whose database cannot be resolved is left out (it is created
 * without a location when a partition is first added).
 */
public final class GlueTableLocal implements LocalResourceType {
    @Override
    public String componentType() {
        return GlueTableResource.TYPE;
    }

    @Override
    public String localForm() {
        return "the file catalog/<database>/<table>.json, holding the storage descriptor and partitions";
    }

    @Override
    public void place(Resource resource, LocalResourceContext context) {
        GlueTableResource table = (GlueTableResource) resource;
        table.databaseName(context.references()).ifPresent(database ->
                context.declareTable(database, table.getTableName(), table.getPathURI()));
    }
}
