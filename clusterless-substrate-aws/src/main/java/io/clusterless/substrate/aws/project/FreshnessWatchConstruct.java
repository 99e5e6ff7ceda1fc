package io.clusterless.substrate.aws.project;

import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.substrate.aws.construct.BridgeValues;
import io.clusterless.engine.status.FreshnessPlan;
import io.clusterless.engine.status.FreshnessProps;
import io.clusterless.engine.status.FreshnessWatch;
import io.clusterless.model.Architecture;
import io.clusterless.model.FreshnessTopic;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.iam.Access;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project's freshness watch (issue 19): a function every five minutes judges each dataset with targets, keeps
 * its level in the metadata bucket, announces changes on the arc bus and prints embedded-metric lines; an alarm per
 * dataset with {@code errorAfter} goes off when the newest complete lot is older, or when the watch stops reporting.
 * With the project's {@code freshnessTopic}, both the changes and the alarms are published to that topic.
 */
public final class FreshnessWatchConstruct extends Construct {
    /** A few list and get calls per dataset every five minutes: the smallest sizes serve (Lambda's own would be 0). */
    private static final LambdaRuntimeProps RUNTIME = new LambdaRuntimeProps(512, 2, 5, Architecture.ARM_64);

    public FreshnessWatchConstruct(Construct scope, ProjectScope project, FreshnessPlan plan, DeadLetters deadLetters) {
        super(scope, "FreshnessWatch");
        FreshnessProps props = plan.props();
        HandlerFunction function = new HandlerFunction(this, "Handler", new HandlerFunction.Spec(plan.functionName(),
                FreshnessPlan.HANDLER, RUNTIME, Map.of(FreshnessProps.VARIABLE, props.toJson()),
                "clusterless freshness watch of " + props.project().id()), project);
        List<String> levelObjects = new ArrayList<>();
        for (FreshnessProps.Watched dataset : props.datasets()) {
            String manifests = "datasets/name=" + dataset.name() + "/version=" + dataset.version() + "/";
            function.policy().allow(new Statement(List.of("s3:ListBucket"),
                    List.of(Access.bucketArn(props.manifestBucket())),
                    Map.of("StringLike", Map.of("s3:prefix", List.of(manifests + "*")))));
            levelObjects.add(Access.bucketArn(props.metadataBucket()) + "/"
                    + FreshnessWatch.levelKey(dataset.name(), dataset.version()));
        }
        function.policy().allow(Statement.allow(List.of("s3:GetObject", "s3:PutObject"), levelObjects));
        Access.putEvents(function.policy(), props.eventBusName());
        Rule.Builder.create(this, "Schedule")
                .ruleName(plan.ruleName())
                .description("checks the freshness of " + props.datasets().size() + " dataset(s) of "
                        + props.project().id())
                .schedule(Schedule.expression(FreshnessPlan.SCHEDULE))
                .targets(List.of(deadLetters.invoke(function, 2)))
                .build();
        FreshnessTopic declared = project.plan().deployable().getFreshnessTopic();
        FreshnessTopicConstruct topic = declared == null ? null
                : new FreshnessTopicConstruct(this, project, declared.getTopicName(), props, deadLetters);
        for (FreshnessProps.Watched dataset : props.datasets()) {
            dataset.targets().errorAfterDuration().ifPresent(errorAfter -> {
                Map<String, String> dimensions = new LinkedHashMap<>();
                dimensions.put("Project", props.project().id());
                dimensions.put("Dataset", dataset.id());
                Alarm alarm = Alarm.Builder.create(this, "Stale-" + dataset.name() + "-" + dataset.version())
                        .alarmDescription("dataset " + dataset.id() + " of " + props.project().id()
                                + " has no complete lot newer than " + dataset.targets().getErrorAfter())
                        .metric(Metric.Builder.create()
                                .namespace(FreshnessWatch.NAMESPACE)
                                .metricName("AgeSeconds")
                                .dimensionsMap(dimensions)
                                .statistic("Maximum")
                                .period(BridgeValues.minutes(5))
                                .build())
                        .threshold(errorAfter.toSeconds())
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                        .evaluationPeriods(1)
                        // a watch that stopped reporting is no promise kept either
                        .treatMissingData(TreatMissingData.BREACHING)
                        .build();
                if (topic != null) {
                    topic.notify(alarm);
                }
            });
        }
    }
}
