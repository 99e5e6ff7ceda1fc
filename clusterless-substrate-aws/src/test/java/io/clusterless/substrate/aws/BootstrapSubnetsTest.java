package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compute environment on a placement the original bootstrapped, whose stack exports no subnets (ADR-0016): the
 * subnets the deploy found in that stack are used as given, and the VPC id still comes from the export both write.
 */
class BootstrapSubnetsTest {
    private static final String PROJECT = """
            {"project": {"name": "Batchy", "version": "1"},
             "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
             "resources": [{"type": "aws:core:computeEnvironment", "name": "c", "computeEnvironmentName": "c"}]}""";
    private static final String STACK = "DEV-batchy-resource-activity-boundary-1-us-west-2";

    @Test
    void givenSubnets_replaceTheSubnetsImport_andTheVpcIsStillImported() {
        SynthResult result = Projects.synth(Projects.loadText("batchy", PROJECT),
                SynthOptions.defaults(Projects.lambdaJar()).withBootstrapSubnets(Map.of(
                        "dev-clusterless-metadata-123456789012-us-west-2", List.of("subnet-a", "subnet-b", "subnet-c"))));
        Synthesized synthesized = Synthesized.of(result);

        JsonNode environment = synthesized.single(STACK, "AWS::Batch::ComputeEnvironment");
        assertThat(environment.at("/Properties/ComputeResources/Subnets").toString())
                .isEqualTo("[\"subnet-a\",\"subnet-b\",\"subnet-c\"]");
        String template = synthesized.json(STACK).toString();
        assertThat(template).doesNotContain("public-subnets")
                .contains("ref:aws:id:dev:bootstrap:1:meta:vpc:common-vpc");
    }

    @Test
    void withoutGivenSubnets_theSubnetsExportIsImported() {
        Synthesized synthesized = Synthesized.of(Projects.synth(Projects.loadText("batchy", PROJECT),
                SynthOptions.defaults(Projects.lambdaJar())));

        assertThat(synthesized.json(STACK).toString()).contains("ref:aws:id:dev:bootstrap:1:meta:public-subnets:common-vpc");
    }
}
