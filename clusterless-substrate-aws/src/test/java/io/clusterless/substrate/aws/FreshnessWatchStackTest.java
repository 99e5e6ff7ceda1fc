package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy chain with freshness targets on its ingress dataset and one sink: the grouped stack carries the project's
 * freshness watch, a schedule, least-privilege access and one alarm per errorAfter (issue 19).
 */
class FreshnessWatchStackTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    private static final class Synth {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(Projects.loadText("fresh-chain", text()),
                SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));

        private static String text() {
            try {
                String text = Files.readString(Projects.EXAMPLES.resolve("copy-chain/project.json"))
                        .replace("\"pathURI\": \"s3://" + BUCKET + "/ingress/\"", "\"pathURI\": \"s3://" + BUCKET
                                + "/ingress/\", \"freshness\": {\"warnAfter\": \"PT30M\", \"errorAfter\": \"PT2H\"}")
                        .replace("\"pathURI\": \"s3://" + BUCKET + "/copy-c/\"", "\"pathURI\": \"s3://" + BUCKET
                                + "/copy-c/\", \"freshness\": {\"warnAfter\": \"PT1H\"}");
                assertThat(text).contains("PT2H").contains("PT1H");
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The same project with a {@code freshnessTopic}. */
    private static final class WithTopic {
        static final Synthesized INSTANCE = Synthesized.of(Projects.synth(Projects.loadText("fresh-topic",
                Synth.text().replace("\"placement\": {", "\"freshnessTopic\": {\"topicName\": \"chain-freshness\"}, "
                        + "\"placement\": {")), SynthOptions.defaults(Projects.lambdaJar()).withNag(true)));
    }

    private final Synthesized synthesized = Synth.INSTANCE;

    private String groupedStack() {
        return synthesized.result().stacks().stream().map(SynthResult.StackReport::name)
                .filter(name -> synthesized.json(name).path("Resources").toString().contains("FreshnessWatch"))
                .findFirst().orElseThrow(() -> new AssertionError("no stack holds the freshness watch"));
    }

    @Test
    void aScheduledFunctionWatchesTheTargetedDatasets() throws Exception {
        String stack = groupedStack();
        Template template = synthesized.template(stack);
        // bug: the watch had MemorySize 0 and Timeout 0, which CloudFormation refuses (cfn-lint E3034)
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "DEV-copy-chain-cls-fresh-20230101-00-us-west-2",
                "Handler", "io.clusterless.runtime.status.FreshnessHandler",
                "MemorySize", 512, "Timeout", 300)));
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "ScheduleExpression", "rate(5 minutes)")));
        JsonNode function = null;
        for (JsonNode resource : synthesized.json(stack).path("Resources")) {
            if (resource.at("/Properties/FunctionName").asText().contains("-cls-fresh-")) {
                function = resource;
            }
        }
        assertThat(function).isNotNull();
        JsonNode props = Json.records().readTree(function.at("/Properties/Environment/Variables/CLS_FRESHNESS_PROPS_JSON")
                .asText());
        assertThat(props.path("datasets")).extracting(d -> d.path("name").asText())
                .containsExactly("chain-ingress", "chain-c");
        assertThat(props.path("datasets").get(1).path("unit").asText()).isEqualTo("TWELFTHS");
    }

    @Test
    void oneAlarmPerErrorAfter_onTheAgeMetric_breachingWhenTheWatchIsSilent() {
        Template template = synthesized.template(groupedStack());
        template.resourceCountIs("AWS::CloudWatch::Alarm", 1);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", "Clusterless/Freshness",
                "MetricName", "AgeSeconds",
                "Threshold", 7200,
                "ComparisonOperator", "GreaterThanThreshold",
                "TreatMissingData", "breaching",
                "Dimensions", List.of(Map.of("Name", "Dataset", "Value", "chain-ingress/20230101"),
                        Map.of("Name", "Project", "Value", "CopyChain/20230101-00")))));
    }

    @Test
    void theWatchMayListOnlyItsDatasetsManifests_andWriteOnlyTheirLevels() {
        String stack = groupedStack();
        List<String> granted = new ArrayList<>();
        for (JsonNode resource : synthesized.json(stack).path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::IAM::Policy") && resource.path("Properties").path("Roles")
                    .get(0).path("Ref").asText().startsWith("FreshnessWatch")) {
                resource.at("/Properties/PolicyDocument/Statement").forEach(statement -> granted.add(
                        statement.path("Action").toString() + " " + text(statement.path("Resource"))
                                + (statement.has("Condition") ? " " + statement.at("/Condition/StringLike/s3:prefix") : "")));
            }
        }
        assertThat(granted).contains(
                "\"s3:ListBucket\" arn:aws:s3:::" + MANIFESTS + " [\"datasets/name=chain-ingress/version=20230101/*\"]",
                "\"s3:ListBucket\" arn:aws:s3:::" + MANIFESTS + " [\"datasets/name=chain-c/version=20230101/*\"]",
                "[\"s3:GetObject\",\"s3:PutObject\"] [arn:aws:s3:::dev-clusterless-metadata-123456789012-us-west-2/"
                        + "freshness/name=chain-ingress/version=20230101/level.json, arn:aws:s3:::dev-clusterless-"
                        + "metadata-123456789012-us-west-2/freshness/name=chain-c/version=20230101/level.json]");
        assertThat(granted).noneMatch(grant -> grant.contains("*\"") && !grant.contains("s3:prefix")
                && grant.contains("s3:GetObject"));
    }

    @Test
    void withoutATopic_thereIsNone() {
        synthesized.template(groupedStack()).resourceCountIs("AWS::SNS::Topic", 0);
    }

    @Test
    void aFreshnessTopic_tlsOnly_encryptedWithARotatedKeyTheNotifiersMayUse_getsTheChangesAndTheAlarms() {
        Synthesized withTopic = WithTopic.INSTANCE;
        String stack = withTopic.result().stacks().stream().map(SynthResult.StackReport::name)
                .filter(name -> withTopic.json(name).path("Resources").toString().contains("FreshnessTopic"))
                .findFirst().orElseThrow();
        Template template = withTopic.template(stack);
        String topic = withTopic.logicalId(stack, "AWS::SNS::Topic");
        String key = withTopic.logicalId(stack, "AWS::KMS::Key");

        template.hasResourceProperties("AWS::SNS::Topic", Match.objectLike(Map.of("TopicName", "chain-freshness",
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn")))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
        String keyPolicy = withTopic.json(stack).at("/Resources/" + key + "/Properties/KeyPolicy").toString();
        assertThat(keyPolicy).contains("events.amazonaws.com").contains("cloudwatch.amazonaws.com")
                .contains("kms:GenerateDataKey*");
        String topicPolicy = withTopic.single(stack, "AWS::SNS::TopicPolicy").toString();
        assertThat(topicPolicy).contains("\"aws:SecureTransport\":\"false\"").contains("\"Effect\":\"Deny\"")
                .contains("cloudwatch.amazonaws.com").contains("events.amazonaws.com");
        // the alarm tells the topic when it goes off and when it clears
        JsonNode alarm = withTopic.single(stack, "AWS::CloudWatch::Alarm").path("Properties");
        assertThat(alarm.path("AlarmActions").toString()).contains(topic);
        assertThat(alarm.path("OKActions").toString()).contains(topic);
        // each level change of the project's datasets, from the arc bus
        template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
                "EventBusName", "DEV-arc-events-us-west-2",
                "EventPattern", Map.of("source", List.of("clusterless.freshness"),
                        "detail-type", List.of("Dataset Freshness"),
                        "detail", Map.of("project", List.of("CopyChain/20230101-00"))),
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", topic))))))));
        assertThat(withTopic.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
    }

    @Test
    void nagFindsNoError() {
        assertThat(synthesized.result().findings()).filteredOn(f -> f.level().equals("error")).isEmpty();
    }

    /** A resource (or a list of them) as text, the partition written as aws. */
    private static String text(JsonNode resource) {
        if (resource.isArray()) {
            List<String> all = new ArrayList<>();
            resource.forEach(one -> all.add(text(one)));
            return all.toString();
        }
        if (resource.isTextual()) {
            return resource.asText();
        }
        if (resource.has("Fn::Join")) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : resource.path("Fn::Join").get(1)) {
                text.append(part.isTextual() ? part.asText() : "aws");
            }
            return text.toString();
        }
        return resource.toString();
    }
}
