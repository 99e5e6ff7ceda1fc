package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Project files of examples/others, written by others, with data landed in their folders at chosen lots. */
class OthersRunTest {
    private static final String MANIFESTS_TEST = "test-clusterless-manifest-123456789012-eu-west-1";
    private static final String PARTNER = "acme-partner-orders-drop";
    private static final String CURATED = "acme-orders-curated-eu-west-1";

    @TempDir
    Path root;

    @Test
    void ordersIntakeCuratesOnlyTheJsonOrdersOfEachInfrequentLot() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "others/orders-intake.json");
        LotId first = placement.lotsAgo(LotUnit.SIXTHS, 3);
        LotId second = placement.lotsAgo(LotUnit.SIXTHS, 2);
        LotId third = placement.lotsAgo(LotUnit.SIXTHS, 1);
        // lotSource eventTime: the lot comes from the S3 event's time, which locally is when the file was written;
        // an infrequent lot holds one object (a second one in it is recorded as a late arrival)
        placement.land(PARTNER, "orders/o-1.json", "{}", LocalPlacement.within(first));
        placement.land(PARTNER, "orders/o-2.JSON", "{}", LocalPlacement.within(second));
        placement.land(PARTNER, "orders/notes.txt", "x", LocalPlacement.within(third));
        placement.land(PARTNER, "fx-rates/eur.json", "1.1", LocalPlacement.within(first));

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        assertThat(placement.exists(CURATED, "orders/o-1.json")).isTrue();
        // the arc's filter includes **/*.json ignoring case and keeps nothing else
        assertThat(placement.exists(CURATED, "orders/o-2.JSON")).isTrue();
        assertThat(placement.exists(CURATED, "orders/notes.txt")).isFalse();
        JsonNode manifest = Json.records().readTree(placement.read(MANIFESTS_TEST,
                "datasets/name=partner-orders/version=20230710/lot=" + first.format() + "/state=complete/manifest.json"));
        assertThat(manifest.path("uris").get(0).asText()).isEqualTo("s3://" + PARTNER + "/orders/o-1.json");
        // fx rates are a source without subscribe: their lots never start the arc, and the frequent boundary closes
        // every interval since its first arrival
        assertThat(placement.exists(MANIFESTS_TEST, "datasets/name=partner-fx-rates/version=20230710/lot="
                + first.format() + "/state=complete/manifest.json")).isTrue();
        assertThat(placement.exists(MANIFESTS_TEST, "datasets/name=partner-fx-rates/version=20230710/lot="
                + second.format() + "/state=empty/manifest.json")).isTrue();
        // the excluded arc mirrorRates is not placed
        assertThat(Files.exists(placement.file("acme-finance-eu-west-1", "fx-rates"))).isFalse();
    }

    @Test
    void clicksCatalogRegistersEachDayDirectoryAsAPartitionOfTheLocalTable() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "others/clicks-catalog.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 2);
        String bucket = "clicks-raw-123456789012-eu-central-1";
        placement.land(bucket, "csv/2023/08/01/part-1.csv", "ts,session", LocalPlacement.within(lot));
        placement.land(bucket, "csv/2023/08/02/part-1.csv", "ts,session", LocalPlacement.within(lot));
        placement.land(bucket, "csv/2023/08/02/readme.md", "not csv", LocalPlacement.within(lot));

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        JsonNode table = Json.records().readTree(root.resolve("catalog/clicks/raw_clicks.json").toFile());
        assertThat(table.path("partitions")).hasSize(2);
        // the table's location comes from the project's glueTable resource, found through its databaseRef
        assertThat(table.path("storageDescriptor").path("Location").asText()).isEqualTo("s3://" + bucket + "/csv/");
        assertThat(table.path("partitions").get(0).path("values").toString()).isEqualTo("[\"2023\",\"08\",\"01\"]");
        String manifests = "clusterless-manifest-123456789012-eu-central-1";
        assertThat(placement.exists(manifests, "datasets/name=clicks-partitions/version=20230801/lot=" + lot.format()
                + "/state=complete/manifest.json")).isTrue();
    }

    @Test
    void aProjectSplitOverTwoFilesRunsItsBoundaryAndItsArcAsOne() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "others/split-a.json", "others/split-b.json");
        String bucket = "qa-uploads-123456789012-us-east-2";
        LotId lot = placement.lotsAgo(LotUnit.FOURTHS, 2);
        placement.land(bucket, "incoming/u-1.txt", "upload", LocalPlacement.within(lot));

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.arcRuns()).isEqualTo(1);
        assertThat(placement.read(bucket, "accepted/u-1.txt")).isEqualTo("upload");
        assertThat(placement.exists("qa-clusterless-arc-state-123456789012-us-east-2",
                "arcs/project=Uploads/version=20230915-01/arc=accept/lot=" + lot.format() + "/complete.arc")).isTrue();
        JsonNode project = Json.records().readTree(placement.read("qa-clusterless-metadata-123456789012-us-east-2",
                "projects/name=Uploads/version=20230915-01/project.json"));
        assertThat(project.path("boundaries")).hasSize(1);
        assertThat(project.path("arcs")).hasSize(1);
    }
}
