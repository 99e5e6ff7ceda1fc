package io.clusterless.substrate.aws.project;

import io.clusterless.engine.status.FreshnessChange;
import io.clusterless.engine.status.FreshnessProps;
import io.clusterless.substrate.aws.construct.DeadLetters;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * The project's {@code freshnessTopic} (issue 19): an SNS topic, TLS only, encrypted with a key of its own (rotated),
 * that gets each {@code Dataset Freshness} event of the project from the arc bus and each freshness alarm. The key is
 * the project's rather than AWS's managed {@code aws/sns}: EventBridge and CloudWatch may publish to an encrypted topic
 * only when the key's policy lets them use it, and a managed key's policy cannot be changed.
 */
final class FreshnessTopicConstruct extends Construct {
    private final Topic topic;

    FreshnessTopicConstruct(Construct scope, ProjectScope project, String topicName, FreshnessProps props,
                            DeadLetters deadLetters) {
        super(scope, "FreshnessTopic");
        Key key = Key.Builder.create(this, "Key")
                .description("encrypts the freshness notifications of " + props.project().id())
                .enableKeyRotation(true)
                // the topic goes with its stack: what it encrypted is delivered and gone, the key may go too
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        for (String service : List.of("events.amazonaws.com", "cloudwatch.amazonaws.com")) {
            key.addToResourcePolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal(service)))
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                    .resources(List.of("*")) // in a key policy, "*" is this key
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                    .build());
        }
        topic = Topic.Builder.create(this, "Topic")
                .topicName(topicName)
                .displayName("freshness of " + props.project().id())
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // a topic policy replaces SNS's default one: the alarms need their own grant (the rule target adds its own)
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Aws.ACCOUNT_ID)))
                .build());
        Rule.Builder.create(this, "Changes")
                .ruleName(project.names().componentRule("cls-fresh-topic"))
                .description("freshness level changes of the datasets of " + props.project().id())
                .eventBus(EventBus.fromEventBusName(this, "ArcEventBus", props.eventBusName()))
                .eventPattern(EventPattern.builder()
                        .source(List.of(FreshnessChange.SOURCE))
                        .detailType(List.of(FreshnessChange.DETAIL_TYPE))
                        .detail(Map.of("project", List.of(props.project().id())))
                        .build())
                .targets(List.of(SnsTopic.Builder.create(topic).deadLetterQueue(deadLetters.queue()).build()))
                .build();
    }

    /** The alarm notifies the topic when it goes off and when it clears. */
    void notify(Alarm alarm) {
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
    }
}
