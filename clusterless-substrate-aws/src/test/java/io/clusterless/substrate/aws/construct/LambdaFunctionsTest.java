package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.JsiiRequests;
import io.clusterless.substrate.aws.Projects;
import io.clusterless.substrate.aws.synth.SynthOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaFunctionsTest {
    private static final Set<String> CONSTANT_CLASSES = Set.of("aws-cdk-lib.aws_lambda.Runtime",
            "aws-cdk-lib.aws_lambda.Architecture", "aws-cdk-lib.aws_lambda.SnapStartConf");

    /**
     * jsii's Java class of lambda.Runtime fetches its 52 constants from node when first touched (and Architecture,
     * SnapStartConf theirs): a synth with cls's handlers (Java 21, SnapStart) and a user's Python function asks node
     * only for the constants it uses, once each.
     */
    @Test
    void functionsFetchOnlyTheLambdaConstantsTheyUse() {
        List<JsonNode> requests = JsiiRequests.during(() -> Projects.synth(
                Projects.load(Projects.EXAMPLES.resolve("function-python/project.json")),
                SynthOptions.defaults(Projects.lambdaJar())));
        List<String> constants = requests.stream()
                .filter(r -> r.path("api").asText().equals("sget") && CONSTANT_CLASSES.contains(r.path("fqn").asText()))
                .map(r -> r.path("fqn").asText() + "." + r.path("property").asText())
                .toList();
        assertThat(requests).as("requests recorded").isNotEmpty();
        assertThat(constants).doesNotHaveDuplicates().isSubsetOf("aws-cdk-lib.aws_lambda.Runtime.JAVA_21",
                "aws-cdk-lib.aws_lambda.Architecture.ARM_64", "aws-cdk-lib.aws_lambda.Architecture.X86_64",
                "aws-cdk-lib.aws_lambda.SnapStartConf.ON_PUBLISHED_VERSIONS");
    }
}
