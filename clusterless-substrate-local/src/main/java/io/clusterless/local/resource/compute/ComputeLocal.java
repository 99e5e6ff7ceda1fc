package io.clusterless.local.resource.compute;

import io.clusterless.local.resource.LocalResourceContext;
import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.compute.ComputeResource;

/** computeEnvironment on one machine: nothing; batchExecArc commands run as local processes of this machine. */
public final class ComputeLocal implements LocalResourceType {
    @Override
    public String componentType() {
        return ComputeResource.TYPE;
    }

    @Override
    public String localForm() {
        return "this machine: batchExecArc commands run as its local processes";
    }

    @Override
    public void place(Resource resource, LocalResourceContext context) {
        // nothing to create
    }
}
