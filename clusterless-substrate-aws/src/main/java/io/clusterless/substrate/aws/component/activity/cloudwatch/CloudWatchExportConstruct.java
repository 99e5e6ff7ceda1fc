package io.clusterless.substrate.aws.component.activity.cloudwatch;

import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.model.core.activity.cloudwatch.CloudWatchExportActivity;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.plan.ActivityPlan;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.naming.Label;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * {@code aws:core:cloudWatchExport} (reference §3.6): a schedule starts an export of the log group to S3 every
 * interval. CloudWatch Logs writes the objects itself, so the destination bucket's policy must let it. The function
 * and rule keep the original's construct ids, {@code CloudWatchExportActivity<Name>/<Name>Int} and
 * {@code .../ListenerEvent} (ADR-0016).
 */
public final class CloudWatchExportConstruct extends Construct {
    public CloudWatchExportConstruct(Construct scope, ProjectScope project, ActivityPlan plan, DeadLetters deadLetters) {
        super(scope, OriginalIds.resource("CloudWatchExportActivity", model(plan).getName()));
        String props;
        try {
            props = Json.records().writeValueAsString(plan.props());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write activity props", e);
        }
        HandlerFunction function = HandlerFunction.inOriginalLayout(this, Label.upperCamel(model(plan).getName())
                + "Int", new HandlerFunction.Spec(plan.functionName(),
                plan.handlerClass(), model(plan).getRuntimeProps(), Map.of(plan.propsVariable(), props),
                "clusterless log export " + model(plan).getName() + " of " + project.plan().deployable().getProject().id()),
                project);
        String logGroupArn = "arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":log-group:"
                + model(plan).getLogGroupName();
        function.policy().allow(Statement.allow(List.of("logs:CreateExportTask"),
                List.of(logGroupArn, logGroupArn + ":*")));
        function.policy().suppressWildcards("CreateExportTask is authorized on "
                + "the log group's ARN including its streams suffix ':*'; the group is named exactly.",
                "/^Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:[^*]+:\\*$/g");

        S3Location destination = S3Location.parse(plan.props().pathURI());
        Bucket bucket = project.bucket(destination.bucket());
        if (bucket == null) {
            project.note("activity '" + model(plan).getName() + "': bucket " + destination.bucket() + " is not "
                    + "declared in this project; its policy must let logs.amazonaws.com put objects under '"
                    + destination.prefix() + "'");
        } else {
            ServicePrincipal logs = new ServicePrincipal("logs.amazonaws.com");
            Map<String, Object> fromThisAccount = Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID));
            bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                    .principals(List.of(logs))
                    .actions(List.of("s3:GetBucketAcl"))
                    .resources(List.of(bucket.getBucketArn()))
                    .conditions(fromThisAccount)
                    .build());
            bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                    .principals(List.of(logs))
                    .actions(List.of("s3:PutObject"))
                    .resources(List.of(Access.objectsArn(destination.bucket(), destination.prefix())))
                    .conditions(fromThisAccount)
                    .build());
        }
        Rule.Builder.create(this, "ListenerEvent")
                .ruleName(plan.ruleName())
                .description("exports " + model(plan).getLogGroupName() + " every " + plan.props().interval())
                .schedule(Schedule.expression(plan.schedule()))
                .targets(List.of(deadLetters.invoke(function, model(plan).getRuntimeProps().getRetryAttempts())))
                .build();
    }

    /** The plan's model: this type's own class, which its planner placed. */
    private static CloudWatchExportActivity model(ActivityPlan plan) {
        return (CloudWatchExportActivity) plan.model();
    }
}
