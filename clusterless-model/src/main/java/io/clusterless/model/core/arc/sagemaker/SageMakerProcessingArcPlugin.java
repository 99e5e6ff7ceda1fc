package io.clusterless.model.core.arc.sagemaker;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;

import java.util.List;

/** The model of {@value SageMakerProcessingArc#TYPE}: declaration, documentation and its own validation. */
public final class SageMakerProcessingArcPlugin implements ComponentPlugin, ComponentRules<SageMakerProcessingArc> {
    private static final ComponentType TYPE = new ComponentType(SageMakerProcessingArc.TYPE, ComponentKind.ARC,
            SageMakerProcessingArc.class,
            "Runs a SageMaker processing job for each lot.",
            "Runs the image from imagePath (built on deploy) or imageUri as a SageMaker processing job per lot, "
                    + "waited for by the state machine (createProcessingJob.sync). Each source role's lot objects are "
                    + "in /opt/ml/processing/input/<role>/ (read from a manifest file cls writes), whatever the job "
                    + "writes to /opt/ml/processing/output/<role>/ goes to <sink pathURI>lot=<LOT>/ of that sink "
                    + "role and is listed in its manifest. CLS_LOT, CLS_PROCESSING_INPUT and CLS_PROCESSING_OUTPUT "
                    + "name the lot and the two folders; cls local run runs command in imagePath with the folders "
                    + "on local disk. See docs/sagemaker-arcs.md.",
            List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<SageMakerProcessingArc>> rules() {
        return List.of(new SageMakerJobRule<>(SageMakerJobRule.PROCESSING));
    }
}
