package io.clusterless.local.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.metadata.DatasetRecord;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** dataset.json in either shape: the original's (written now) and the flat one earlier versions of cls wrote. */
class DatasetRecordTest {
    private static JsonNode json(String text) throws Exception {
        return Json.records().readTree(text);
    }

    @Test
    void theOriginalsRecord_givesOwnerAndPath() throws Exception {
        DatasetRecord record = DatasetRecord.read(json("""
                {"owner": {"name": "S3Simple", "version": "20230101-00"},
                 "dataset": {"name": "ingress", "version": "20230101", "pathURI": "s3://bucket/ingress/",
                             "publish": true}}"""));

        assertThat(record.project()).isEqualTo("S3Simple");
        assertThat(record.projectVersion()).isEqualTo("20230101-00");
        assertThat(record.component()).isNull();
        assertThat(record.dataset().id()).isEqualTo("ingress/20230101");
        assertThat(record.dataset().getPathURI()).isEqualTo("s3://bucket/ingress/");
    }

    @Test
    void theFlatRecordOfEarlierVersions_isStillRead() throws Exception {
        DatasetRecord record = DatasetRecord.read(json("""
                {"name": "chain-a", "version": "20230101", "pathURI": "s3://bucket/a/", "publish": true,
                 "freshness": {"warnAfter": "PT30M", "errorAfter": "PT2H"},
                 "owner": {"project": "CopyChain", "version": "20230101-00", "component": "copyA"}}"""));

        assertThat(record.project()).isEqualTo("CopyChain");
        assertThat(record.projectVersion()).isEqualTo("20230101-00");
        assertThat(record.component()).isEqualTo("copyA");
        assertThat(record.dataset().getPathURI()).isEqualTo("s3://bucket/a/");
        assertThat(record.dataset().getFreshness().warnAfterDuration()).contains(Duration.ofMinutes(30));
    }

    @Test
    void writtenThenRead_keepsEverythingButTheComponent() throws Exception {
        SinkDataset dataset = Json.records().treeToValue(json("""
                {"name": "chain-a", "version": "20230101", "pathURI": "s3://bucket/a/",
                 "freshness": {"warnAfter": "PT30M", "errorAfter": "PT2H"}}"""), SinkDataset.class);
        JsonNode written = new DatasetRecord("CopyChain", "20230101-00", "copyA", dataset).toJson();

        assertThat(written.at("/dataset/freshness/warnAfter").asText()).isEqualTo("PT30M");
        DatasetRecord read = DatasetRecord.read(written);
        assertThat(read.dataset()).isEqualTo(dataset);
        assertThat(read.dataset().getFreshness()).isEqualTo(dataset.getFreshness());
        assertThat(read.project()).isEqualTo("CopyChain");
        assertThat(read.component()).isNull();
    }

    @Test
    void aRecordWithoutPath_saysWhichFieldIsMissing() {
        assertThatThrownBy(() -> DatasetRecord.read(json("""
                {"owner": {"name": "S3Simple", "version": "1"}, "dataset": {"name": "ingress", "version": "1"}}""")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("has no dataset.pathURI");
    }
}
