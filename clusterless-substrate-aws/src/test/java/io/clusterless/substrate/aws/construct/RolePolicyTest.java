package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.JsiiRequests;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.substrate.aws.jsii.SynthModule;
import org.junit.jupiter.api.Test;
import software.amazon.jsii.JsiiEngine;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.Queue;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role's default policy written in one call renders exactly as the statements added one by one (the template a
 * deploy compares is unchanged by the batching), and a role handed over to CDK's grants keeps working.
 */
class RolePolicyTest {
    private static final Statement LOGS = Statement.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of("arn:aws:logs:us-west-2:123456789012:log-group:/aws/lambda/f:*"));
    private static final Statement LIST = new Statement(List.of("s3:ListBucket"), List.of("arn:aws:s3:::b"),
            Map.of("StringLike", Map.of("s3:prefix", List.of("datasets/name=x/*"))));
    private static final Statement OBJECTS = Statement.allow(List.of("s3:GetObject"), List.of("arn:aws:s3:::b/p/*"));

    @Test
    void writtenPolicy_rendersAsStatementsAddedOneByOne_withItsSuppressions() {
        App app = new App();
        Grantee oneByOne = Grantee.of(role(new Stack(app, "OneByOne")));
        RolePolicy batched = new RolePolicy(role(new Stack(app, "Batched")));
        for (Grantee grantee : List.of(oneByOne, batched)) {
            grantee.allow(LOGS);
            grantee.allow(LIST);
            grantee.suppressWildcards("keys are known at run time", "/^Resource::arn:aws:s3:::b\\/p\\/\\*$/g");
            grantee.allow(OBJECTS);
            grantee.suppressWildcards("keys are known at run time", "/^Resource::arn:aws:s3:::b\\/p\\/\\*$/g");
        }
        JsiiEngine.getInstance().loadModule(SynthModule.class); // its load request is not the call's
        List<JsonNode> requests = JsiiRequests.during(batched::write);

        assertThat(requests).as("the policy and its suppressions in one round trip (ADR 17)").hasSize(1);
        Map<String, Object> expected = Template.fromStack((Stack) app.getNode().findChild("OneByOne")).toJSON();
        Map<String, Object> actual = Template.fromStack((Stack) app.getNode().findChild("Batched")).toJSON();
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.toString()).contains("DefaultPolicy", "s3:ListBucket", "cdk_nag", "logs:PutLogEvents");
    }

    @Test
    void handedOverRole_takesCdksGrantsAfterTheCollectedStatements() {
        App app = new App();
        Stack stack = new Stack(app, "HandedOver");
        RolePolicy policy = new RolePolicy(role(stack));
        policy.allow(LOGS);
        Queue queue = Queue.Builder.create(stack, "Queue").build();
        queue.grantSendMessages(policy.handOver()); // CDK adds to the role's own default policy
        policy.allow(OBJECTS);
        policy.write(); // nothing left to write: it would be a second DefaultPolicy

        String template = Template.fromStack(stack).toJSON().toString();
        assertThat(template).containsSubsequence("logs:PutLogEvents", "sqs:SendMessage", "s3:GetObject");
    }

    /**
     * Statements and suppressions given before the role is handed over are written in one round trip, and render as
     * given one by one (suppressions given one after the other are written together, each run in its place).
     */
    @Test
    void handedOverRole_writesConsecutiveSuppressionsInOneGo() {
        App app = new App();
        Grantee oneByOne = Grantee.of(role(new Stack(app, "OneByOne")));
        RolePolicy handedOver = new RolePolicy(role(new Stack(app, "HandedOver")));
        for (Grantee grantee : List.of(oneByOne, handedOver)) {
            grantee.allow(LOGS);
            grantee.suppressWildcards("keys are known at run time", "/^Resource::arn:aws:s3:::b\\/p\\/\\*$/g");
            grantee.suppressWildcards("log streams are named at run time", "/^Resource::arn:aws:logs:.*$/g");
            grantee.allow(OBJECTS);
            grantee.suppressWildcards("keys are known at run time", "/^Resource::arn:aws:s3:::b\\/p\\/\\*$/g");
        }

        JsiiEngine.getInstance().loadModule(SynthModule.class); // its load request is not the call's
        List<JsonNode> requests = JsiiRequests.during(handedOver::handOver);

        assertThat(requests).as("statements and suppressions in their order, in one round trip (ADR 17)")
                .hasSize(1).first().satisfies(r -> assertThat(r.path("method").asText()).isEqualTo("grants"));
        Map<String, Object> expected = Template.fromStack((Stack) app.getNode().findChild("OneByOne")).toJSON();
        Map<String, Object> actual = Template.fromStack((Stack) app.getNode().findChild("HandedOver")).toJSON();
        assertThat(actual).isEqualTo(expected);
        assertThat(expected.toString()).contains("log streams are named at run time", "cdk_nag");
    }

    private static Role role(Stack stack) {
        return Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
    }
}
