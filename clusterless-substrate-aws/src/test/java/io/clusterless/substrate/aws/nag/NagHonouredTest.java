package io.clusterless.substrate.aws.nag;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata Nag writes is what cdk-nag's AwsSolutions pack reads: a suppressed finding is gone, the same stack
 * without the suppression (or with a regex that does not match the finding) still has it.
 */
class NagHonouredTest {
    private static final String SQS3 = "AwsSolutions-SQS3";

    @Test
    void ruleSuppression_removesTheFinding() {
        App app = nagged();
        Stack plain = queueStack(app, "Plain");
        Stack suppressed = queueStack(app, "Suppressed");
        Nag.suppress(suppressed.getNode().findChild("Queue"), SQS3, "this queue is a dead-letter queue");

        assertThat(errors(plain, SQS3)).hasSize(1);
        assertThat(errors(suppressed, SQS3)).isEmpty();
    }

    @Test
    void stackSuppression_removesTheFindingOnEveryResource() {
        App app = nagged();
        Stack suppressed = queueStack(app, "WholeStack");
        Nag.suppressStack(suppressed, List.of(Suppression.of(SQS3, "every queue here is a dead-letter queue")));

        assertThat(errors(suppressed, SQS3)).isEmpty();
    }

    @Test
    void reasonBeyondLatin1_isStoredEncoded_andTheSuppressionHolds() {
        App app = nagged();
        Stack suppressed = queueStack(app, "Encoded");
        Nag.suppress(suppressed.getNode().findChild("Queue"), SQS3, "nothing reads it … it is a dead-letter queue");

        assertThat(errors(suppressed, SQS3)).isEmpty();
    }

    @Test
    void wildcardSuppression_removesOnlyTheFindingsItsRegexMatches() {
        App app = nagged();
        Role matching = roleStack(app, "Matching");
        Role other = roleStack(app, "Other");
        Nag.suppressWildcards(matching, "keys are only known at run time", "/^Resource::arn:aws:s3:::b\\/p\\/\\*$/g");
        Nag.suppressWildcards(other, "keys are only known at run time", "/^Resource::arn:aws:s3:::c\\/p\\/\\*$/g");

        assertThat(errors(Stack.of(matching), Nag.IAM5)).isEmpty();
        assertThat(errors(Stack.of(other), Nag.IAM5)).extracting(m -> m.getEntry().getData().toString())
                .singleElement().asString().contains("AwsSolutions-IAM5[Resource::arn:aws:s3:::b/p/*]");
    }

    private static App nagged() {
        App app = new App();
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(false).reports(false).build()));
        return app;
    }

    private static Stack queueStack(App app, String name) {
        Stack stack = new Stack(app, name);
        Queue.Builder.create(stack, "Queue").encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true).build();
        return stack;
    }

    private static Role roleStack(App app, String name) {
        Role role = Role.Builder.create(new Stack(app, name), "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build();
        role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("s3:GetObject"))
                .resources(List.of("arn:aws:s3:::b/p/*")).build());
        return role;
    }

    private static List<SynthesisMessage> errors(Stack stack, String rule) {
        return Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp(rule + "(\\[.*\\])?:.*"));
    }
}
