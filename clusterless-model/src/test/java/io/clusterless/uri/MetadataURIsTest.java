package io.clusterless.uri;

import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arc, dataset, materials and deploy records of the metadata bucket (reference §4.2). */
class MetadataURIsTest {
    private static final String BUCKET = "dev-clusterless-metadata-123456789012-us-west-2";
    private static final PlacementNames PLACEMENT = new PlacementNames("dev", "123456789012", "us-west-2");

    @Test
    void arcUriNamesTheArcModelPerProjectVersion() {
        ArcURI arc = new ArcURI(BUCKET, "S3Simple", "20230101-00", "copyA");

        assertThat(arc.identifier())
                .isEqualTo("s3://" + BUCKET + "/arcs/project=S3Simple/version=20230101-00/arc=copyA/arc.json");
        assertThat(arc.path()).isEqualTo("s3://" + BUCKET + "/arcs/project=S3Simple/version=20230101-00/arc=copyA/");
        assertThat(arc.withArcName(null).prefix())
                .isEqualTo("s3://" + BUCKET + "/arcs/project=S3Simple/version=20230101-00");
        assertThat(ArcURI.of(BUCKET).template()).isEqualTo(
                "s3://" + BUCKET + "/arcs/project={projectName}/version={projectVersion}/arc={arcName}/arc.json");
        assertThat(ArcURI.parse(arc.identifier())).isEqualTo(arc);
        assertThat(ArcURI.parse("arcs/project=S3Simple/version=20230101-00/")).isEqualTo(
                new ArcURI(null, "S3Simple", "20230101-00", null));
        assertThat(ArcURI.of(PLACEMENT).withProjectName("S3Simple").withProjectVersion("20230101-00")
                .withArcName("copyA")).isEqualTo(arc);
    }

    @Test
    void datasetUriNamesTheOwnerRecord() {
        RecordURI dataset = RecordURI.ofDataset(BUCKET, new SinkDataset("ingress", "20220101", "s3://b/ingress/"));

        assertThat(dataset.identifier())
                .isEqualTo("s3://" + BUCKET + "/datasets/name=ingress/version=20220101/dataset.json");
        assertThat(RecordURI.of(RecordKind.DATASET, PLACEMENT).template()).isEqualTo(
                "s3://" + BUCKET + "/datasets/name={datasetName}/version={datasetVersion}/dataset.json");
        assertThat(RecordURI.parse(RecordKind.DATASET, dataset.identifier())).isEqualTo(dataset);
        assertThat(dataset.withVersion(null).path()).isEqualTo("s3://" + BUCKET + "/datasets/name=ingress/");
        assertThat(RecordURI.of(RecordKind.DATASET, BUCKET).withName("ingress").withVersion("20220101"))
                .isEqualTo(dataset);
        assertThat(dataset.storeKind()).isEqualTo(StoreKind.METADATA);
    }

    @Test
    void materialsUriNamesTheListOfEverythingAProjectWrote() {
        RecordURI materials = RecordURI.of(RecordKind.MATERIALS, BUCKET, "S3Simple", "20230101-00");

        assertThat(materials.identifier())
                .isEqualTo("s3://" + BUCKET + "/materials/name=S3Simple/version=20230101-00/materials.json");
        assertThat(RecordURI.of(RecordKind.MATERIALS, PLACEMENT).template()).isEqualTo(
                "s3://" + BUCKET + "/materials/name={projectName}/version={projectVersion}/materials.json");
        assertThat(RecordURI.parse(RecordKind.MATERIALS, "/materials/name=S3Simple/version=20230101-00/materials.json"))
                .isEqualTo(materials.withBucket(null));
        assertThat(RecordURI.of(RecordKind.MATERIALS, BUCKET).withName("S3Simple").withVersion("20230101-00"))
                .isEqualTo(materials);
    }

    @Test
    void deployUriNamesTheLastDeployOfAProjectVersion() {
        RecordURI deploy = RecordURI.of(RecordKind.DEPLOY, BUCKET, "S3Simple", "20230101-00");

        assertThat(deploy.key()).isEqualTo("deploys/name=S3Simple/version=20230101-00/deploy.json");
        assertThat(RecordURI.of(RecordKind.DEPLOY, BUCKET).keyPath()).isEqualTo("deploys/");
        assertThat(RecordURI.of(RecordKind.DEPLOY, BUCKET).template()).isEqualTo(
                "s3://" + BUCKET + "/deploys/name={projectName}/version={projectVersion}/deploy.json");
        assertThat(RecordKind.DEPLOY.layout())
                .isEqualTo("[s3://bucket/]deploys/name=<project>/version=<version>/deploy.json");
    }

    @Test
    void everyRecordKindLaysOutRootNameVersionAndFile() {
        assertThat(RecordKind.values()).extracting(kind -> RecordURI.of(kind, null, "n", "v").key()).containsExactly(
                "projects/name=n/version=v/project.json",
                "materials/name=n/version=v/materials.json",
                "deploys/name=n/version=v/deploy.json",
                "datasets/name=n/version=v/dataset.json");
        for (RecordKind kind : RecordKind.values()) {
            RecordURI uri = RecordURI.of(kind, BUCKET, "n", "v");
            assertThat(RecordURI.parse(uri.identifier())).as("its kind read from the key").isEqualTo(uri);
        }
    }

    @Test
    void aRecordOfNoKnownKindIsRefusedNamingTheKinds() {
        assertThatThrownBy(() -> RecordURI.parse("s3://b/arcs/project=p/version=1/arc=a/arc.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a metadata record URI: s3://b/arcs/project=p/version=1/arc=a/arc.json, "
                        + "found 'arcs' where projects, materials, deploys, datasets belongs");
    }

    @Test
    void eachParserRejectsTheOthersLayouts() {
        String project = RecordURI.of(RecordKind.PROJECT, BUCKET, "p", "1").identifier();

        assertThatThrownBy(() -> RecordURI.parse(RecordKind.MATERIALS, project)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a materials URI");
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.DATASET, project)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a dataset URI");
        assertThatThrownBy(() -> ArcURI.parse(project)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an arc URI");
    }

    @Test
    void allSerialiseToJsonAsTheirTemplateAndBack() throws Exception {
        ArcURI arc = ArcURI.of(BUCKET).withProjectName("p").withProjectVersion("1");
        RecordURI dataset = RecordURI.of(RecordKind.DATASET, BUCKET).withName("d");
        RecordURI materials = RecordURI.of(RecordKind.MATERIALS, BUCKET, "p", "1");

        assertThat(Json.records().readValue(Json.records().writeValueAsString(arc), ArcURI.class)).isEqualTo(arc);
        assertThat(Json.records().readValue(Json.records().writeValueAsString(dataset), RecordURI.class))
                .isEqualTo(dataset);
        assertThat(Json.records().readValue(Json.records().writeValueAsString(materials), RecordURI.class))
                .isEqualTo(materials);
    }

    @Test
    void storeKindsNameTheirBuckets() {
        assertThat(StoreKind.METADATA.bucketName(PLACEMENT)).isEqualTo(BUCKET);
        assertThat(StoreKind.ARC_STATE.bucketName(PLACEMENT)).isEqualTo("dev-clusterless-arc-state-123456789012-us-west-2");
        assertThat(StoreKind.MANIFEST.bucketName(PLACEMENT)).isEqualTo("dev-clusterless-manifest-123456789012-us-west-2");
        assertThat(StoreKind.ARC_STATE.typeKey()).isEqualTo("arcState");
        assertThat(StoreKind.ofTypeKey("manifest")).isEqualTo(StoreKind.MANIFEST);
        assertThatThrownBy(() -> StoreKind.ofTypeKey("ARC_STATE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown store: ARC_STATE, expected one of metadata, arcState, manifest");
    }
}
