package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a container, a failed event or a long-lived log cannot do in the synthesized templates (issue 12, point 9):
 * alarms only under the arc's prefix, no event dropped without a dead-letter queue, queue messages hidden for
 * longer than their drain runs, log retention from the placement, listing only under granted prefixes.
 */
class HardenedTemplatesTest {
    private static final String GROUPED = ProjectStacksTest.GROUPED;
    private static final String COPY = "DEV-s3-simple-arc-copy-a-20230101-00-us-west-2";
    private static final String GLUE = "DEV-s3-simple-arc-add-partitions-20230101-00-us-west-2";
    private static final String BATCH = "DEV-s3-simple-arc-convert-20230101-00-us-west-2";
    private static final List<String> STACKS = List.of(GROUPED, COPY, GLUE, BATCH);
    private final Synthesized synthesized = Synthesized.allComponents();

    @Test
    void batchJobRole_mayPutAndSetOnlyAlarmsNamedUnderItsArcsPrefix_whichTheContainerIsGiven() {
        for (JsonNode statement : statements(BATCH, "JobRole")) {
            String actions = statement.path("Action").toString();
            if (actions.contains("PutMetricAlarm") || actions.contains("SetAlarmState")) {
                assertThat(statement.path("Resource").toString()).as(statement.toString())
                        .contains(":alarm:DEV-s3-simple-convert-20230101-00/*")
                        .isNotEqualTo("\"*\"");
            }
            if (statement.path("Resource").toString().equals("\"*\"")) {
                assertThat(actions).as("wildcard statement").isEqualTo("\"cloudwatch:PutMetricData\"");
            }
        }
        assertThat(statements(BATCH, "JobRole").toString()).contains("cloudwatch:PutMetricAlarm");
        JsonNode environment = synthesized.single(BATCH, "AWS::Batch::JobDefinition").path("Properties")
                .path("ContainerProperties").path("Environment");
        assertThat(environment.toString())
                .contains("{\"Name\":\"CLS_ALARM_NAME_PREFIX\",\"Value\":\"DEV-s3-simple-convert-20230101-00/\"}");
    }

    @Test
    void everyRuleTarget_retriesForADay_thenSendsToItsStacksDeadLetterQueue() {
        Map<String, String> queues = Map.of(GROUPED, "DEV-s3-simple-20230101-00-dlq",
                COPY, "DEV-s3-simple-copy-a-20230101-00-arc-dlq", GLUE, "DEV-s3-simple-add-partitions-20230101-00-arc-dlq",
                BATCH, "DEV-s3-simple-convert-20230101-00-arc-dlq");
        int targets = 0;
        for (String stack : STACKS) {
            String queue = logicalId(stack, "AWS::SQS::Queue", "QueueName", queues.get(stack));
            for (JsonNode rule : resources(stack, "AWS::Events::Rule")) {
                for (JsonNode target : rule.path("Properties").path("Targets")) {
                    targets++;
                    assertThat(target.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").get(0).asText())
                            .as(stack + " " + target).isEqualTo(queue);
                    assertThat(target.path("RetryPolicy").path("MaximumEventAgeInSeconds").asInt()).isEqualTo(86400);
                }
            }
        }
        assertThat(targets).as("rule targets: 3 in the grouped stack, one per arc").isEqualTo(6);
    }

    @Test
    void deadLetterQueues_areEncryptedTlsOnly_keepFourteenDays_andTakeEventsOnlyFromTheirStacksRules() {
        for (String stack : STACKS) {
            Template template = synthesized.template(stack);
            template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                    "QueueName", Match.stringLikeRegexp(".*-dlq"),
                    "MessageRetentionPeriod", 1209600,
                    "SqsManagedSseEnabled", true)));
            List<String> rules = new ArrayList<>();
            synthesized.json(stack).path("Resources").fields().forEachRemaining(entry -> {
                if (entry.getValue().path("Type").asText().equals("AWS::Events::Rule")) {
                    rules.add(entry.getKey());
                }
            });
            String policies = resources(stack, "AWS::SQS::QueuePolicy").toString();
            for (String rule : rules) {
                assertThat(policies).as(stack).contains("{\"ArnEquals\":{\"aws:SourceArn\":{\"Fn::GetAtt\":[\""
                        + rule + "\",\"Arn\"]}}");
            }
            for (JsonNode policy : resources(stack, "AWS::SQS::QueuePolicy")) {
                for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                    if (statement.path("Principal").toString().contains("events.amazonaws.com")) {
                        assertThat(statement.path("Condition").path("ArnEquals").has("aws:SourceArn"))
                                .as(stack + " " + statement).isTrue();
                    }
                }
            }
            assertThat(policies).as(stack + ": TLS only").contains("\"aws:SecureTransport\":\"false\"");
        }
    }

    @Test
    void everyFunctionARuleInvokes_sendsTheEventsItFailedOnToTheDeadLetterQueue() {
        String queue = logicalId(GROUPED, "AWS::SQS::Queue", "QueueName", "DEV-s3-simple-20230101-00-dlq");
        List<JsonNode> configs = resources(GROUPED, "AWS::Lambda::EventInvokeConfig");
        assertThat(configs).as("the two boundaries and the activity").hasSize(3);
        for (JsonNode config : configs) {
            JsonNode properties = config.path("Properties");
            assertThat(properties.path("DestinationConfig").path("OnFailure").path("Destination")
                    .path("Fn::GetAtt").get(0).asText()).isEqualTo(queue);
            assertThat(properties.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
            assertThat(properties.path("MaximumEventAgeInSeconds").asInt()).isEqualTo(21600);
            // the qualifier rules invoke: the published version (SnapStart)
            assertThat(properties.path("Qualifier").toString()).contains("Version");
        }
        assertThat(policyText(GROUPED, "S3PutListenerBoundaryFrequent")).contains("sqs:SendMessage");
    }

    @Test
    void frequentQueue_hidesReceivedMessagesForSixTimesTheFunctionTimeout() {
        JsonNode queue = resource(GROUPED, "AWS::SQS::Queue", "QueueName", "DEV-s3-simple-frequent-listener-20230101-00");
        // the frequent boundary's default function timeout is 15 minutes
        assertThat(queue.path("Properties").path("VisibilityTimeout").asInt()).isEqualTo(6 * 15 * 60);
    }

    @Test
    void everyLogGroup_keepsThePlacementsDefaultOfThirtyDays() {
        int groups = 0;
        for (String stack : STACKS) {
            for (JsonNode group : resources(stack, "AWS::Logs::LogGroup")) {
                groups++;
                assertThat(group.path("Properties").path("RetentionInDays").asInt())
                        .as(stack + " " + group.path("Properties").path("LogGroupName")).isEqualTo(30);
            }
        }
        assertThat(groups).isGreaterThanOrEqualTo(12);
    }

    @Test
    void logRetentionDays_ofThePlacement_reachesEveryLogGroup() {
        SynthResult result = Projects.synth(Projects.loadText("retention", """
                {"project": {"name": "Kept", "version": "1"},
                 "placement": {"provider": "aws", "stage": "prod", "account": "123456789012", "region": "us-west-2",
                               "logRetentionDays": 365},
                 "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "listen", "lotUnit": "Twelfths",
                   "dataset": {"name": "in", "version": "1", "pathURI": "s3://kept-bucket/in/"}}],
                 "arcs": [{"type": "aws:core:s3CopyArc", "name": "copy", "sources": {"main": {"name": "in", "version": "1"}},
                   "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://kept-bucket/out/"}}}]}
                """), SynthOptions.defaults(Projects.lambdaJar()));
        Synthesized kept = Synthesized.of(result);
        int groups = 0;
        for (SynthResult.StackReport stack : result.stacks()) {
            for (JsonNode resource : kept.json(stack.name()).path("Resources")) {
                if (resource.path("Type").asText().equals("AWS::Logs::LogGroup")) {
                    groups++;
                    assertThat(resource.path("Properties").path("RetentionInDays").asInt()).isEqualTo(365);
                }
            }
        }
        assertThat(groups).as("boundary function, two gates, copy function, state machine").isEqualTo(5);
    }

    @Test
    void everyListBucket_isLimitedToTheKeyPrefixesTheRoleMayRead() {
        int lists = 0;
        for (String stack : STACKS) {
            for (JsonNode policy : resources(stack, "AWS::IAM::Policy")) {
                for (JsonNode statement : policy.path("Properties").path("PolicyDocument").path("Statement")) {
                    if (!statement.path("Action").toString().contains("s3:ListBucket")) {
                        continue;
                    }
                    lists++;
                    JsonNode prefixes = statement.path("Condition").path("StringLike").path("s3:prefix");
                    assertThat(prefixes.isArray() || prefixes.isTextual()).as(stack + " " + statement).isTrue();
                    assertThat(prefixes.toString()).as(stack + " " + statement)
                            .matches("\\[?\"[^*\"]+/\\*\"\\]?");
                }
            }
        }
        assertThat(lists).isGreaterThan(10);
        assertThat(policyText(COPY, "StartStartFunction")).contains("\"s3:prefix\":[\"arcs/project=S3Simple/version=20230101-00/arc=copyA/*\"]")
                .contains(":s3:::dev-clusterless-arc-state-123456789012-us-west-2/arc-attempts/project=S3Simple/version=20230101-00/arc=copyA/*")
                .contains("\"s3:prefix\":[\"datasets/name=ingress/version=20230101/*\"]");
    }

    private List<JsonNode> resources(String stack, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode resource : synthesized.json(stack).path("Resources")) {
            if (resource.path("Type").asText().equals(type)) {
                found.add(resource);
            }
        }
        return found;
    }

    private JsonNode resource(String stack, String type, String property, String value) {
        return synthesized.json(stack).path("Resources").path(logicalId(stack, type, property, value));
    }

    private String logicalId(String stack, String type, String property, String value) {
        List<String> ids = new ArrayList<>();
        synthesized.json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals(type)
                    && entry.getValue().path("Properties").path(property).asText().equals(value)) {
                ids.add(entry.getKey());
            }
        });
        assertThat(ids).as(type + " with " + property + "=" + value + " in " + stack).hasSize(1);
        return ids.get(0);
    }

    private List<JsonNode> statements(String stack, String component) {
        List<JsonNode> statements = new ArrayList<>();
        synthesized.json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy") && entry.getKey().startsWith(component)) {
                entry.getValue().path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
            }
        });
        assertThat(statements).as("statements of " + component + " in " + stack).isNotEmpty();
        return statements;
    }

    private String policyText(String stack, String component) {
        StringBuilder text = new StringBuilder();
        synthesized.json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy")
                    && entry.getKey().toLowerCase().contains(component.toLowerCase())) {
                text.append(entry.getValue());
            }
        });
        assertThat(text).as("policies of " + component + " in " + stack).isNotEmpty();
        return text.toString();
    }
}
