package io.clusterless.naming;

import io.clusterless.model.Placement;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementNamesTest {
    private final PlacementNames dev = new PlacementNames("dev", "123456789012", "us-west-2");
    private final PlacementNames noStage = new PlacementNames(null, "123456789012", "us-west-2");

    @Test
    void bootstrapStackUsesTheUpperCaseStage() {
        assertThat(dev.bootstrapStack()).isEqualTo("DEV-clusterless-bootstrap");
    }

    @Test
    void bucketsUseTheLowerCaseStageAccountAndRegion() {
        assertThat(dev.metadataBucket()).isEqualTo("dev-clusterless-metadata-123456789012-us-west-2");
        assertThat(dev.arcStateBucket()).isEqualTo("dev-clusterless-arc-state-123456789012-us-west-2");
        assertThat(dev.manifestBucket()).isEqualTo("dev-clusterless-manifest-123456789012-us-west-2");
    }

    @Test
    void stageIsNormalisedWhateverCaseItIsDeclaredIn() {
        PlacementNames upper = new PlacementNames("DEV", "123456789012", "us-west-2");

        assertThat(upper.metadataBucket()).isEqualTo("dev-clusterless-metadata-123456789012-us-west-2");
        assertThat(upper.bootstrapStack()).isEqualTo("DEV-clusterless-bootstrap");
    }

    @Test
    void arcEventBusAndVpcUseTheUpperCaseStage() {
        assertThat(dev.arcEventBus()).isEqualTo("DEV-arc-events-us-west-2");
        assertThat(dev.vpc()).isEqualTo("DEV-common-vpc");
        assertThat(dev.vpcPublicSubnet(2)).isEqualTo("DEV-common-vpc-public-2");
    }

    @Test
    void anAbsentStageDisappearsWithItsSeparator() {
        assertThat(noStage.bootstrapStack()).isEqualTo("clusterless-bootstrap");
        assertThat(noStage.metadataBucket()).isEqualTo("clusterless-metadata-123456789012-us-west-2");
        assertThat(noStage.arcEventBus()).isEqualTo("arc-events-us-west-2");
        assertThat(noStage.vpc()).isEqualTo("common-vpc");
        assertThat(noStage.bootstrapExportRef("name", "metadata", "store"))
                .isEqualTo("ref:aws:name:bootstrap:1:meta:metadata:store");
    }

    @Test
    void aBlankStageCountsAsAbsent() {
        assertThat(new PlacementNames("  ", "123456789012", "us-west-2").stage()).isNull();
    }

    @Test
    void exportRefHyphenatesItsPartsAndKeepsTheScopeVersion() {
        assertThat(dev.exportRef("arn", "S3Simple", "20230101-00", "core", "s3Bucket", "bucket"))
                .isEqualTo("ref:aws:arn:dev:s3-simple:20230101-00:core:s3-bucket:bucket");
    }

    @Test
    void bootstrapExportRefsUseScopeBootstrapVersionOneNamespaceMeta() {
        assertThat(dev.bootstrapExportRef("name", "metadata", "store"))
                .isEqualTo("ref:aws:name:dev:bootstrap:1:meta:metadata:store");
        // the original exports its stores under their keys verbatim: arcState, not arc-state
        assertThat(dev.storeExportRef("arn", "arcState"))
                .isEqualTo("ref:aws:arn:dev:bootstrap:1:meta:arcState:store");
        assertThat(dev.storeExportRef("name", "arcState"))
                .isEqualTo("ref:aws:name:dev:bootstrap:1:meta:arcState:store");
        assertThat(dev.storeExportRef("name", "metadata")).isEqualTo(dev.bootstrapExportRef("name", "metadata", "store"));
        assertThat(dev.bootstrapExportRef("name", "eventBus", "arcEventBus"))
                .isEqualTo("ref:aws:name:dev:bootstrap:1:meta:event-bus:arc-event-bus");
        assertThat(dev.bootstrapExportRef("id", "vpc", "commonVpc"))
                .isEqualTo("ref:aws:id:dev:bootstrap:1:meta:vpc:common-vpc");
    }

    @Test
    void exportRefRejectsAnUnknownQualifier() {
        assertThatThrownBy(() -> dev.bootstrapExportRef("url", "metadata", "store"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported ref qualifier: url, expected one of arn, id, name");
    }

    @Test
    void accountAndRegionAreRequired() {
        assertThatThrownBy(() -> new PlacementNames("dev", null, "us-west-2"))
                .isInstanceOf(NullPointerException.class).hasMessage("account is required");
        assertThatThrownBy(() -> new PlacementNames("dev", "123456789012", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("region must not be blank");
    }

    @Test
    void aDeclaredPlacementNamesItsStageAccountAndRegion() {
        assertThat(PlacementNames.of(new Placement("aws", " dev ", "123456789012", "us-west-2"))).isEqualTo(dev);
        assertThat(PlacementNames.of(new Placement("aws", "  ", "123456789012", "us-west-2"))).isEqualTo(noStage);
    }

    @Test
    void aMetadataBucketNameReadsBackAsItsPlacement() {
        assertThat(PlacementNames.ofMetadataBucket(dev.metadataBucket())).contains(dev);
        assertThat(PlacementNames.ofMetadataBucket(noStage.metadataBucket())).contains(noStage);
        assertThat(PlacementNames.ofMetadataBucket(dev.manifestBucket())).isEqualTo(Optional.empty());
        assertThat(PlacementNames.ofMetadataBucket("myclusterless-metadata-1-us-west-2")).isEmpty();
        assertThat(PlacementNames.ofMetadataBucket("clusterless-metadata-123456789012")).isEmpty();
    }
}
