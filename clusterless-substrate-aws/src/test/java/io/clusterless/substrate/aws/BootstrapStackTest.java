package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bootstrap stack of reference §3.2: names, bucket settings, bus, VPC and the exact export refs. */
class BootstrapStackTest {
    private static final String STACK = "DEV-clusterless-bootstrap";
    private static Synthesized synthesized;

    @BeforeAll
    static void synthesize() {
        SynthResult result = AwsSynthesizer.synthesizeBootstrap(new PlacementNames("dev", "123456789012", "us-west-2"),
                true, Projects.outdir());
        synthesized = Synthesized.of(result);
    }

    @Test
    void bootstrap_isOneStackNamedForTheStage_withoutNagErrors() {
        assertThat(synthesized.result().stacks()).extracting(SynthResult.StackReport::name).containsExactly(STACK);
        assertThat(synthesized.result().errors()).as("%s", synthesized.result().findings()).isZero();
        assertThat(synthesized.json(STACK).path("Description").asText())
                .isEqualTo("resources needed to manage Clusterless projects in this environment");
    }

    @Test
    void storeBuckets_areVersionedEncryptedTlsOnlyAndPrivate() {
        Template template = synthesized.template(STACK);
        for (String bucket : List.of("dev-clusterless-metadata-123456789012-us-west-2",
                "dev-clusterless-arc-state-123456789012-us-west-2", "dev-clusterless-manifest-123456789012-us-west-2")) {
            template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                    "BucketName", bucket,
                    "VersioningConfiguration", Map.of("Status", "Enabled"),
                    "BucketEncryption", Map.of("ServerSideEncryptionConfiguration",
                            List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                    "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                            "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
        }
        // enforceSSL: each bucket policy denies requests without TLS
        template.resourceCountIs("AWS::S3::BucketPolicy", 3);
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void storeBuckets_expireOldVersions_andTheArcStateStoreItsAttemptRecords() {
        Template template = synthesized.template(STACK);
        Object oldVersions = Match.objectLike(Map.of("Id", "ExpireOldVersions",
                "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30)));
        Object attemptRecords = Match.objectLike(Map.of("Id", "ExpireArcAttemptRecords", "Prefix", "arc-attempts/",
                "ExpirationInDays", 90, "Status", "Enabled"));

        template.resourcePropertiesCountIs("AWS::S3::Bucket", lifecycle(oldVersions), 3);
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "BucketName", "dev-clusterless-arc-state-123456789012-us-west-2",
                "LifecycleConfiguration", Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(attemptRecords)))))));
    }

    private static Object lifecycle(Object rule) {
        return Match.objectLike(Map.of("LifecycleConfiguration",
                Match.objectLike(Map.of("Rules", Match.arrayWith(List.of(rule))))));
    }

    @Test
    void arcBusAndVpc_haveTheirNames_publicSubnetsOnly_noNat() {
        Template template = synthesized.template(STACK);
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "DEV-arc-events-us-west-2"));
        template.hasResourceProperties("AWS::EC2::VPC", Match.objectLike(Map.of("CidrBlock", "10.14.0.0/16",
                "EnableDnsSupport", true, "EnableDnsHostnames", true,
                "Tags", List.of(Map.of("Key", "Name", "Value", "DEV-common-vpc")))));
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        template.resourceCountIs("AWS::EC2::Subnet", 2);
        template.hasResourceProperties("AWS::EC2::Subnet", Match.objectLike(Map.of("MapPublicIpOnLaunch", false)));
        template.hasResourceProperties("AWS::EC2::Route", Match.objectLike(Map.of("DestinationCidrBlock", "0.0.0.0/0")));
    }

    @Test
    void exports_carryTheExactRefNames() {
        List<String> exports = new ArrayList<>();
        for (JsonNode output : synthesized.json(STACK).path("Outputs")) {
            exports.add(output.path("Export").path("Name").asText());
        }
        assertThat(exports).containsExactlyInAnyOrder(
                "ref:aws:name:dev:bootstrap:1:meta:metadata:store", "ref:aws:arn:dev:bootstrap:1:meta:metadata:store",
                "ref:aws:name:dev:bootstrap:1:meta:arcState:store", "ref:aws:arn:dev:bootstrap:1:meta:arcState:store",
                "ref:aws:name:dev:bootstrap:1:meta:manifest:store", "ref:aws:arn:dev:bootstrap:1:meta:manifest:store",
                "ref:aws:name:dev:bootstrap:1:meta:event-bus:arc-event-bus",
                "ref:aws:id:dev:bootstrap:1:meta:vpc:common-vpc", "ref:aws:arn:dev:bootstrap:1:meta:vpc:common-vpc",
                "ref:aws:name:dev:bootstrap:1:meta:vpc:common-vpc",
                "ref:aws:id:dev:bootstrap:1:meta:public-subnets:common-vpc");
    }

    @Test
    void bootstrap_hasNoCustomResourceAndNoBootstrapVersionRule() {
        assertThat(synthesized.result().stacks().get(0).resourceCounts().keySet())
                .noneMatch(type -> type.startsWith("Custom::"));
        assertThat(synthesized.json(STACK).path("Rules").has("CheckBootstrapVersion")).isFalse();
    }
}
