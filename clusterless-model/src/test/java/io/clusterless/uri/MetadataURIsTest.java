package io.clusterless.uri;

import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arc, dataset and materials records of the metadata bucket (reference §4.2). */
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
        DatasetURI dataset = DatasetURI.of(BUCKET, new SinkDataset("ingress", "20220101", "s3://b/ingress/"));

        assertThat(dataset.identifier())
                .isEqualTo("s3://" + BUCKET + "/datasets/name=ingress/version=20220101/dataset.json");
        assertThat(DatasetURI.of(PLACEMENT).template()).isEqualTo(
                "s3://" + BUCKET + "/datasets/name={datasetName}/version={datasetVersion}/dataset.json");
        assertThat(DatasetURI.parse(dataset.identifier())).isEqualTo(dataset);
        assertThat(dataset.withDatasetVersion(null).path()).isEqualTo("s3://" + BUCKET + "/datasets/name=ingress/");
        assertThat(DatasetURI.of(BUCKET).withDatasetName("ingress").withDatasetVersion("20220101")).isEqualTo(dataset);
        assertThat(dataset.storeKind()).isEqualTo(StoreKind.METADATA);
    }

    @Test
    void materialsUriNamesTheListOfEverythingAProjectWrote() {
        MaterialsURI materials = new MaterialsURI(BUCKET, "S3Simple", "20230101-00");

        assertThat(materials.identifier())
                .isEqualTo("s3://" + BUCKET + "/materials/name=S3Simple/version=20230101-00/materials.json");
        assertThat(MaterialsURI.of(PLACEMENT).template()).isEqualTo(
                "s3://" + BUCKET + "/materials/name={projectName}/version={projectVersion}/materials.json");
        assertThat(MaterialsURI.parse("/materials/name=S3Simple/version=20230101-00/materials.json"))
                .isEqualTo(materials.withBucket(null));
        assertThat(MaterialsURI.of(BUCKET).withProjectName("S3Simple").withProjectVersion("20230101-00"))
                .isEqualTo(materials);
    }

    @Test
    void eachParserRejectsTheOthersLayouts() {
        String project = new ProjectURI(BUCKET, "p", "1").identifier();

        assertThatThrownBy(() -> MaterialsURI.parse(project)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a materials URI");
        assertThatThrownBy(() -> DatasetURI.parse(project)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a dataset URI");
        assertThatThrownBy(() -> ArcURI.parse(project)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an arc URI");
    }

    @Test
    void allSerialiseToJsonAsTheirTemplateAndBack() throws Exception {
        ArcURI arc = ArcURI.of(BUCKET).withProjectName("p").withProjectVersion("1");
        DatasetURI dataset = DatasetURI.of(BUCKET).withDatasetName("d");
        MaterialsURI materials = new MaterialsURI(BUCKET, "p", "1");

        assertThat(Json.records().readValue(Json.records().writeValueAsString(arc), ArcURI.class)).isEqualTo(arc);
        assertThat(Json.records().readValue(Json.records().writeValueAsString(dataset), DatasetURI.class))
                .isEqualTo(dataset);
        assertThat(Json.records().readValue(Json.records().writeValueAsString(materials), MaterialsURI.class))
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
