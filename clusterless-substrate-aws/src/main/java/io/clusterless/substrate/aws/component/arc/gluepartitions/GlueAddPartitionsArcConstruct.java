package io.clusterless.substrate.aws.component.arc.gluepartitions;

import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code aws:core:glueAddPartitionsArc}: one Lambda adds the partitions of the lot's objects to each
 * {@code glue://[catalog]/database/table} sink, with Glue rights on exactly those tables.
 */
public final class GlueAddPartitionsArcConstruct {
    public List<TaskStateBase> tasks(ArcContext arc) {
        GlueAddPartitionsArc model = (GlueAddPartitionsArc) arc.plan().model();
        HandlerFunction function = arc.originalWorkloadFunction("Func", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), model.getWorkload().getRuntimeProps(),
                arc.workloadEnvironment(), "clusterless glue partitions of arc " + arc.plan().name()));
        arc.grantReadSources(function.policy(), true);
        arc.grantWriteSinks(function.policy(), true);
        List<String> resources = new ArrayList<>();
        for (SinkDataset sink : model.getSinks().values()) {
            if (!sink.getPathURI().startsWith("glue://")) {
                continue;
            }
            String[] parts = sink.getPathURI().substring("glue://".length()).split("/");
            if (parts.length != 3) {
                throw new IllegalArgumentException("arc '" + model.getName() + "': sink " + sink.id() + " pathURI "
                        + sink.getPathURI() + " is not glue://[catalog]/database/table");
            }
            String catalog = parts[0].isEmpty() ? Aws.ACCOUNT_ID : parts[0];
            String prefix = "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION + ":" + catalog + ":";
            resources.add(prefix + "catalog");
            resources.add(prefix + "database/" + parts[1]);
            resources.add(prefix + "table/" + parts[1] + "/" + parts[2]);
        }
        if (!resources.isEmpty()) {
            function.policy().allow(Statement.allow(
                    List.of("glue:GetTable", "glue:CreatePartition", "glue:BatchCreatePartition"), resources));
        }
        return List.of(arc.workloadTask("AddPartitionsFunction", function));
    }
}
