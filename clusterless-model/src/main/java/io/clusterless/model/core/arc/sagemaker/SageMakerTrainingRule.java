package io.clusterless.model.core.arc.sagemaker;

import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/** What only a training job adds to {@link SageMakerJobRule}: one sink for the model, and its hyperparameters. */
final class SageMakerTrainingRule implements ComponentRule<SageMakerTrainingArc> {
    /** SageMaker's longest hyperparameter value. */
    private static final int MAX_HYPERPARAMETER_VALUE = 2500;

    @Override
    public Concern concern() {
        return Concern.SETTINGS;
    }

    @Override
    public void check(Located<SageMakerTrainingArc> arc, RuleContext context, List<Problem> problems) {
        if (arc.value().getSinks().size() != 1) {
            problems.add(arc.problem("sinks", "a training arc has one sink, where the model is written; found "
                    + arc.value().getSinks().size()));
        }
        SageMakerJobRule.variables(arc, problems, arc.value().getWorkload().getHyperParameters(), "hyperParameters",
                false, MAX_HYPERPARAMETER_VALUE);
    }
}
