package io.clusterless.substrate.aws.component.boundary.s3put;

import io.clusterless.substrate.aws.construct.BridgeValues;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.model.SinkDataset;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.EventPatternJson;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.naming.Label;
import io.clusterless.substrate.aws.construct.ManagedBuckets;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * {@code aws:core:s3PutListenerBoundary} (reference §3.5). Infrequent: a rule on the default bus matching S3
 * "Object Created" events of the listened prefix invokes the function per object. Frequent: S3 notifications fill a
 * queue, and a schedule invokes the function at the end of every interval to drain it into one manifest. The
 * function, rule and queue keep the original's construct ids, {@code S3PutListenerBoundary(Inf|F)requent<Name>/
 * <Name>Int}, {@code .../ListenerEvent} and {@code .../S3EventQueue} (ADR-0016).
 */
public final class S3PutListenerBoundaryConstruct extends Construct {
    private static final int QUEUE_RETENTION_DAYS = 4;
    /**
     * The queue's visibility timeout in function timeouts: a drain's messages stay hidden while it may run
     * (ADR-0002), and AWS asks for six times the function timeout on queues that feed a function.
     */
    static final int VISIBILITY_TIMEOUTS = 6;

    public S3PutListenerBoundaryConstruct(Construct scope, ProjectScope project, BoundaryPlan plan,
                                          DeadLetters deadLetters) {
        super(scope, OriginalIds.component("S3PutListenerBoundary", plan.frequent() ? "Frequent" : "Infrequent",
                model(plan).getName()));
        S3Location listened = plan.props().location();
        HandlerFunction function = HandlerFunction.inOriginalLayout(this, Label.upperCamel(model(plan).getName())
                + "Int", new HandlerFunction.Spec(plan.functionName(),
                plan.handlerClass(), model(plan).getRuntimeProps(), Map.of(plan.propsVariable(), plan.props().toJson()),
                "clusterless boundary " + model(plan).getName() + " of " + project.plan().deployable().getProject().id()),
                project);
        Access.read(function.policy(), listened.bucket(), listened.prefix());
        SinkDataset dataset = model(plan).getDataset();
        Access.readWrite(function.policy(), project.placementPlan().placement().manifestBucket(),
                Access.manifestPrefix(dataset));
        Access.putEvents(function.policy(), project.placementPlan().placement().arcEventBus());
        Access.allowObjectWildcards(function.policy());
        LambdaFunction target = deadLetters.invoke(function, model(plan).getRuntimeProps().getRetryAttempts());
        Bucket bucket = project.bucket(listened.bucket());
        boolean enabled = project.listenerEnabled(model(plan).getName());
        if (plan.frequent()) {
            Queue queue = queue(project, plan, listened, bucket);
            queue.grantConsumeMessages(function.role());
            function.role().addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("sqs:GetQueueUrl")).resources(List.of(queue.getQueueArn())).build());
            Rule.Builder.create(this, "ListenerEvent")
                    .ruleName(plan.ruleName())
                    .description("drains " + plan.queueName() + " at the end of every lot interval")
                    .schedule(Schedule.expression(plan.schedule()))
                    .enabled(enabled)
                    .targets(List.of(target))
                    .build();
        } else {
            if (bucket != null && model(plan).getInfrequent().isEnableEventBridge()) {
                ManagedBuckets.enableEventBridge(bucket);
            } else if (bucket == null && model(plan).getInfrequent().isEnableEventBridge()) {
                project.note("boundary '" + model(plan).getName() + "': bucket " + listened.bucket()
                        + " is not declared in this project; switch on its EventBridge notifications yourself");
            }
            Rule.Builder.create(this, "ListenerEvent")
                    .ruleName(plan.ruleName())
                    .description("objects created under " + model(plan).getDataset().getPathURI())
                    .eventPattern(EventPatternJson.of(plan.eventPattern()))
                    .enabled(enabled)
                    .targets(List.of(target))
                    .build();
        }
    }

    private Queue queue(ProjectScope project, BoundaryPlan plan, S3Location listened, Bucket bucket) {
        Queue queue = Queue.Builder.create(this, "S3EventQueue")
                .queueName(plan.queueName())
                .retentionPeriod(BridgeValues.days(QUEUE_RETENTION_DAYS))
                // a receive hides messages for longer than the draining function may run
                .visibilityTimeout(BridgeValues.minutes((long) VISIBILITY_TIMEOUTS
                        * model(plan).getRuntimeProps().getTimeoutMin()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Nag.suppress(queue, "AwsSolutions-SQS3", "The boundary function drains this queue in bulk on a schedule and "
                + "logs unreadable messages; no consumer ever gives a message back, so a dead-letter queue would stay "
                + "empty.");
        queue.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("s3.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(queue.getQueueArn()))
                .conditions(Map.of("ArnLike", Map.of("aws:SourceArn", Access.bucketArn(listened.bucket()))))
                .build());
        if (bucket == null) {
            project.note("boundary '" + model(plan).getName() + "': bucket " + listened.bucket() + " is not declared "
                    + "in this project; send its s3:ObjectCreated:* notifications for prefix '" + listened.prefix()
                    + "' to queue " + plan.queueName() + " yourself");
        } else {
            project.addQueueNotification(bucket, queue, listened.prefix());
        }
        return queue;
    }

    /** The plan's model: this type's own class, which its planner placed. */
    private static S3PutListenerBoundary model(BoundaryPlan plan) {
        return (S3PutListenerBoundary) plan.model();
    }
}
