package io.clusterless.cli;

import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.substrate.aws.deploys.CloudFormationStacks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** After a failed deploy, the one line per stack that says what the endpoint itself refused (issue 14.5). */
class StackFailureTest {
    private static final Instant START = Instant.parse("2026-12-06T07:00:00Z");

    @Test
    void cloudFormationsFirstFailedResource_isTheReason_notTheCancelledOnesOrTheRollback() {
        // newest first, as DescribeStackEvents answers: an earlier failed update, then this create
        List<StackEvent> events = new ArrayList<>(List.of(
                stack("ROLLBACK_COMPLETE", null, 40),
                resource("Topic", "AWS::SNS::Topic", "DELETE_COMPLETE", null, 35),
                stack("ROLLBACK_IN_PROGRESS", "The following resource(s) failed to create: [Bucket]", 30),
                resource("Topic", "AWS::SNS::Topic", "CREATE_FAILED", "Resource creation cancelled", 25),
                resource("Bucket", "AWS::S3::Bucket", "CREATE_FAILED", "taken already exists", 20),
                resource("Topic", "AWS::SNS::Topic", "CREATE_IN_PROGRESS", null, 10),
                stack("CREATE_IN_PROGRESS", "User Initiated", 5),
                resource("Old", "AWS::SQS::Queue", "CREATE_FAILED", "an older operation's", -600),
                stack("CREATE_IN_PROGRESS", "User Initiated", -700)));

        assertThat(CloudFormationStacks.failure("ROLLBACK_COMPLETE", null, events, START))
                .contains("Bucket (AWS::S3::Bucket) CREATE_FAILED: taken already exists");
        // an operation begun before this command is not its failure
        assertThat(CloudFormationStacks.failure("ROLLBACK_COMPLETE", null, events.subList(7, 9), START)).isEmpty();
        assertThat(CloudFormationStacks.failure("CREATE_COMPLETE", null, List.of(stack("CREATE_COMPLETE", null, 9),
                stack("CREATE_IN_PROGRESS", "User Initiated", 1)), START)).isEmpty();
    }

    @Test
    void aStackMotoRefusesToCreate_isSaidToBeLeftHalfMade_whereCdkSaysItAlreadyExists() throws Exception {
        try (MotoProcess moto = MotoProcess.start()) {
            AwsClients clients = moto.clients();
            // moto refuses a bucket whose name is taken; it answers CreateStack with the error and keeps the stack
            clients.s3().createBucket(b -> b.bucket("taken-by-someone"));
            Instant before = Instant.now();
            try (CloudFormationClient cloudFormation = CloudFormationClient.builder()
                    .region(Region.of(MotoProcess.REGION)).credentialsProvider(clients.credentials())
                    .endpointOverride(moto.endpoint()).httpClient(clients.http()).build();
                 CloudFormationStacks stacks = new CloudFormationStacks(region -> clients)) {
                assertThatThrownBy(() -> cloudFormation.createStack(r -> r.stackName("Refused").templateBody("""
                        {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket",
                                                  "Properties": {"BucketName": "taken-by-someone"}}}}""")))
                        .isInstanceOf(CloudFormationException.class).hasMessageContaining("bucket name is not available");

                assertThat(stacks.failure(MotoProcess.REGION, "Refused", before)).hasValueSatisfying(line ->
                        assertThat(line).startsWith("left CREATE_IN_PROGRESS with no failed resource: the endpoint "
                                + "failed inside the request itself").doesNotContain("\n"));
                assertThat(stacks.failure(MotoProcess.REGION, "NeverMade", before)).isEmpty();
            }
        }
    }

    private static StackEvent stack(String status, String reason, int second) {
        return event("Stack", "AWS::CloudFormation::Stack", status, reason, second);
    }

    private static StackEvent resource(String id, String type, String status, String reason, int second) {
        return event(id, type, status, reason, second);
    }

    private static StackEvent event(String id, String type, String status, String reason, int second) {
        return StackEvent.builder().stackName("Stack").logicalResourceId(id).resourceType(type).resourceStatus(status)
                .resourceStatusReason(reason).timestamp(START.plusSeconds(second)).build();
    }
}
