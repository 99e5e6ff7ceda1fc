package io.clusterless.local.resource.gluedatabase;

import io.clusterless.local.resource.LocalResourceContext;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;

/** glueDatabase on one machine: the folder {@code catalog/<database>/}, created with its first table's file. */
public final class GlueDatabaseLocal implements LocalResourceType {
    @Override
    public String componentType() {
        return GlueDatabaseResource.TYPE;
    }

    @Override
    public String localForm() {
        return "the folder catalog/<databaseName>/, created with its first table's file";
    }

    @Override
    public void place(Resource resource, LocalResourceContext context) {
        // nothing to create up front: the catalog writes the folder with the first table file
    }
}
