package io.clusterless.substrate.aws.component.arc.probe;

import io.clusterless.model.core.arc.probe.ProbeArc;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.List;

/** The AWS part of the test type {@value ProbeArc#TYPE}: one Lambda that reads the sources and writes the sink. */
public final class ProbeArcAws implements ArcWorkloadConstruct {
    @Override
    public String type() {
        return ProbeArc.TYPE;
    }

    @Override
    public List<TaskStateBase> tasks(ArcContext arc) {
        ProbeArc model = (ProbeArc) arc.plan().model();
        HandlerFunction function = new HandlerFunction(arc.scope(), "Probe", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), model.getWorkload().getRuntimeProps(),
                arc.workloadEnvironment(), "clusterless probe of arc " + arc.plan().name()),
                arc.project());
        arc.grantReadSources(function.policy(), true);
        arc.grantWriteSinks(function.policy(), true);
        return List.of(arc.workloadTask("ProbeFunction", function));
    }
}
