package io.clusterless.model.core.arc.sagemaker;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;

import java.util.List;

/** The model of {@value SageMakerTrainingArc#TYPE}: declaration, documentation and its own validation. */
public final class SageMakerTrainingArcPlugin implements ComponentPlugin, ComponentRules<SageMakerTrainingArc> {
    private static final ComponentType TYPE = new ComponentType(SageMakerTrainingArc.TYPE, ComponentKind.ARC,
            SageMakerTrainingArc.class,
            "Runs a SageMaker training job for each lot and keeps the model.",
            "Runs the image from imagePath (built on deploy) or imageUri as a SageMaker training job per lot, "
                    + "waited for by the state machine (createTrainingJob.sync), with hyperParameters. Each source "
                    + "role is an input channel of the lot's objects (/opt/ml/input/data/<role>/, from a manifest "
                    + "file cls writes); the model (/opt/ml/model) is written to <sink pathURI>lot=<LOT>/<job>/output/"
                    + "model.tar.gz of the arc's one sink and listed in its manifest. SM_CHANNEL_<ROLE>, SM_MODEL_DIR "
                    + "and SM_HPS name the folders and hyperparameters. See docs/sagemaker-arcs.md.",
            List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<SageMakerTrainingArc>> rules() {
        return List.of(new SageMakerJobRule<>(SageMakerJobRule.TRAINING), new SageMakerTrainingRule());
    }
}
