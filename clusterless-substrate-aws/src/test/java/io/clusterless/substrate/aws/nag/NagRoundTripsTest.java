package io.clusterless.substrate.aws.nag;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.JsiiRequests;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketProps;
import software.constructs.Construct;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NagRoundTripsTest {
    /**
     * Finding a bucket's resources costs two requests and writing them one each: node's objects stay wire
     * references, so jsii never asks node a module's Java package names (as it does for each object it maps to Java)
     * nor initialises a resource's Java class (which fetches its CFN_RESOURCE_TYPE_NAME); and a bucket's default
     * child is below it, so node is not asked for it.
     */
    @Test
    void suppressingAsksNodeOnlyForTheResourcesAndTheirWrites() {
        Stack stack = new Stack(new App(), "Nagged");
        // enforceSSL: the bucket's policy is a second resource below it, not its default child
        Bucket bucket = new Bucket(stack, "Bucket", BucketProps.builder().enforceSsl(true).build());

        List<JsonNode> requests = JsiiRequests.during(() -> Nag.suppress(bucket, "AwsSolutions-S1", "A reason why."));

        assertThat(requests.stream().map(NagRoundTripsTest::describe).toList()).containsExactly(
                "get node", "invoke findAll",
                "invoke addMetadata aws-cdk-lib.aws_s3.CfnBucket",
                "invoke addMetadata aws-cdk-lib.aws_s3.CfnBucketPolicy");
    }

    /** A construct of any other class may have its default child anywhere: node is asked for it. */
    @Test
    void suppressingAnotherConstructAsksForItsDefaultChild() {
        Stack stack = new Stack(new App(), "Nagged");
        Construct group = new Construct(stack, "Group");
        new Bucket(group, "Bucket");

        List<JsonNode> requests = JsiiRequests.during(() -> Nag.suppress(group, "AwsSolutions-S1", "A reason why."));

        assertThat(requests.stream().map(NagRoundTripsTest::describe).toList()).containsExactly(
                "get node", "invoke findAll", "get defaultChild",
                "invoke addMetadata aws-cdk-lib.aws_s3.CfnBucket");
    }

    private static String describe(JsonNode request) {
        String api = request.path("api").asText();
        String name = request.has("method") ? request.path("method").asText() : request.path("property").asText();
        String target = api.equals("invoke") && name.equals("addMetadata")
                ? " " + request.path("objref").path("$jsii.byref").asText().replaceAll("@.*", "") : "";
        return api + " " + name + target;
    }
}
