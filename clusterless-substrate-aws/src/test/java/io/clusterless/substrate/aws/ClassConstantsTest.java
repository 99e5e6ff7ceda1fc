package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClassConstantsTest {
    /** The constants a class's own initialiser fetches: one per class used, whatever the class has. */
    private static final Set<String> OWN = Set.of("PROPERTY_INJECTION_ID", "CFN_RESOURCE_TYPE_NAME", "PATH_SEP");

    /**
     * jsii's Java class of a CDK type fetches all its static constants from node when first touched, each a round
     * trip (lambda.Runtime 52, DefaultStackSynthesizer 12, Aws 8, BlockPublicAccess 3): synths of projects with
     * buckets, cls's handlers (Java 21, SnapStart), a user's Python function and ARNs with pseudo parameters ask
     * node only for the constants they use, once each.
     */
    @Test
    void aSynthFetchesOnlyTheConstantsItUses() {
        List<JsonNode> requests = JsiiRequests.during(() -> {
            Projects.synth(Projects.EXAMPLES.resolve("function-python/project.json"));
            Projects.synth(Projects.EXAMPLES.resolve("copy-chain/project.json"));
        });
        List<String> constants = requests.stream()
                .filter(r -> r.path("api").asText().equals("sget") && !OWN.contains(r.path("property").asText()))
                .map(r -> r.path("fqn").asText() + "." + r.path("property").asText())
                .toList();
        assertThat(requests).as("requests recorded").isNotEmpty();
        assertThat(constants).doesNotHaveDuplicates().isSubsetOf(
                "aws-cdk-lib.aws_lambda.Runtime.JAVA_21",
                "aws-cdk-lib.aws_lambda.Architecture.ARM_64", "aws-cdk-lib.aws_lambda.Architecture.X86_64",
                "aws-cdk-lib.aws_lambda.SnapStartConf.ON_PUBLISHED_VERSIONS",
                "aws-cdk-lib.aws_s3.BlockPublicAccess.BLOCK_ALL",
                "aws-cdk-lib.Aws.ACCOUNT_ID", "aws-cdk-lib.Aws.PARTITION", "aws-cdk-lib.Aws.REGION",
                // JsonPath's only constant; its static methods (stringAt, objectAt) are what the states use
                "aws-cdk-lib.aws_stepfunctions.JsonPath.DISCARD");
    }
}
