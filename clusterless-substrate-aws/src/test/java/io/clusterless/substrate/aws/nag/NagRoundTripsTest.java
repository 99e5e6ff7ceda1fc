package io.clusterless.substrate.aws.nag;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.JsiiRequests;
import io.clusterless.substrate.aws.jsii.SynthModule;
import org.junit.jupiter.api.Test;
import software.amazon.jsii.JsiiEngine;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.assertions.Template;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NagRoundTripsTest {
    private static final Map<String, Object> S1 = Map.of("reason", "A reason why.", "id", "AwsSolutions-S1");
    private static final Map<String, Object> S10 = Map.of("reason", "Another reason.", "id", "AwsSolutions-S10");

    /**
     * A suppression is one round trip: cls's own jsii module finds the resources and writes them in node, where
     * Java asked for the construct's node, its findAll, maybe its default child, then wrote each resource (ADR 17).
     */
    @Test
    void suppressing_isOneRoundTrip_andReachesEveryResourceBelow() {
        Stack stack = new Stack(new App(), "Nagged");
        // enforceSSL: the bucket's policy is a second resource below it, not its default child
        Bucket bucket = new Bucket(stack, "Bucket", BucketProps.builder().enforceSsl(true).build());

        JsiiEngine.getInstance().loadModule(SynthModule.class); // its load request is not the call's
        List<JsonNode> requests = JsiiRequests.during(() -> Nag.suppress(bucket, "AwsSolutions-S1", "A reason why."));

        assertThat(requests.stream().map(NagRoundTripsTest::describe).toList())
                .containsExactly("sinvoke suppress clusterless-synth.Nag");
        assertThat(rules(stack, "AWS::S3::Bucket")).containsExactly(S1);
        assertThat(rules(stack, "AWS::S3::BucketPolicy")).containsExactly(S1);
    }

    /** A construct without a default child is no resource itself; the resources below it are suppressed. */
    @Test
    void aGroupWithoutDefaultChild_suppressesTheResourcesBelowIt() {
        Stack stack = new Stack(new App(), "Nagged");
        Construct group = new Construct(stack, "Group");
        new Bucket(group, "Bucket");

        Nag.suppress(group, "AwsSolutions-S1", "A reason why.");

        assertThat(rules(stack, "AWS::S3::Bucket")).containsExactly(S1);
    }

    /** A second suppression keeps the rules the entry holds and adds each new rule once, after them. */
    @Test
    void suppressionsMerge_rulesKeptInOrder_eachOnce() {
        Stack stack = new Stack(new App(), "Nagged");
        Bucket bucket = new Bucket(stack, "Bucket");

        Nag.suppress(bucket, "AwsSolutions-S10", "Another reason.");
        Nag.suppress(bucket, List.of(Suppression.of("AwsSolutions-S1", "A reason why."),
                Suppression.of("AwsSolutions-S10", "Another reason.")));

        assertThat(rules(stack, "AWS::S3::Bucket")).containsExactly(S10, S1);
    }

    /** An entry whose rules are no list is refused by name (cdk-nag could not read it either). */
    @Test
    void anEntryWhoseRulesAreNoList_isRefused() {
        Stack stack = new Stack(new App(), "Nagged");
        Bucket bucket = new Bucket(stack, "Bucket");
        ((CfnResource) bucket.getNode().getDefaultChild()).addMetadata("cdk_nag", Map.of("rules_to_suppress", "x"));

        assertThatThrownBy(() -> Nag.suppress(bucket, "AwsSolutions-S1", "A reason why."))
                .hasMessageContaining("the cdk_nag metadata's rules_to_suppress is not a list");
    }

    /** The cdk_nag rules of the one resource of {@code type} in {@code stack}'s template. */
    private static List<Object> rules(Stack stack, String type) {
        Map<?, ?> resources = (Map<?, ?>) ((Map<?, ?>) Template.fromStack(stack).toJSON()).get("Resources");
        List<Map<?, ?>> matching = resources.values().stream().<Map<?, ?>>map(r -> (Map<?, ?>) r)
                .filter(r -> type.equals(r.get("Type"))).toList();
        assertThat(matching).as(type).hasSize(1);
        Map<?, ?> metadata = (Map<?, ?>) ((Map<?, ?>) matching.get(0).get("Metadata")).get("cdk_nag");
        return List.copyOf((List<?>) metadata.get("rules_to_suppress"));
    }

    private static String describe(JsonNode request) {
        String api = request.path("api").asText();
        String name = request.has("method") ? request.path("method").asText() : request.path("property").asText();
        String target = api.equals("sinvoke") ? " " + request.path("fqn").asText() : "";
        return api + " " + name + target;
    }
}
