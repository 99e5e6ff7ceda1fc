package io.clusterless.model.core.arc.batch;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.naming.ProjectNames;

import java.util.ArrayList;
import java.util.List;

/** The model of {@value BatchExecArc#TYPE}: its declaration, documentation and Lambda function names. */
public final class BatchExecArcPlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            BatchExecArc.TYPE, ComponentKind.ARC, BatchExecArc.class,
            "Runs a container on AWS Batch for each lot.",
            "Builds the Docker image in imagePath and runs command on the referenced Fargate compute "
                    + "environment for every lot. `$.` arguments are replaced from the workload context "
                    + "(e.g. $.arcNotifyEvent.lot, $.arcNotifyEvent.manifest). The container reads "
                    + "CLS_ARC_PROPS_JSON and writes its sink manifests at sinkManifestTemplates.",
            List.of("start", "complete", "result"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    /** A batch arc also gets its job queue and definition, and the log group its containers write. */
    @Override
    public List<NameClaim> physicalNames(Component component) {
        List<NameClaim> claims = new ArrayList<>(ComponentPlugin.super.physicalNames(component));
        claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.BATCH, ProjectNames::batchJob));
        claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.LOG_GROUP, ProjectNames::batchLogGroup));
        return claims;
    }
}
