package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** examples/copy-chain run locally: a frequent boundary and three chained s3CopyArcs. */
class CopyChainRunTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final String STATES = "dev-clusterless-arc-state-123456789012-us-west-2";
    private static final String METADATA = "dev-clusterless-metadata-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void filesLandedInALotAreCopiedThroughEveryArcAndEveryEndedIntervalIsClosed() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 4);
        placement.land(BUCKET, "ingress/2023/a.csv", "a", LocalPlacement.within(lot));
        placement.land(BUCKET, "ingress/2023/b.csv", "b", LocalPlacement.within(lot));
        placement.land(BUCKET, "ingress/2023/_SUCCESS", "", LocalPlacement.within(lot));

        RunProgress progress = placement.runUntilIdle();

        // the lot with data and the three empty intervals after it, up to the one running now
        assertThat(progress.lotsClosed()).isEqualTo(4);
        assertThat(progress.arcRuns()).isEqualTo(12);
        assertThat(progress.failed()).isZero();
        for (String sink : List.of("copy-a", "copy-b", "copy-c")) {
            assertThat(placement.read(BUCKET, sink + "/2023/a.csv")).isEqualTo("a");
            assertThat(placement.exists(BUCKET, sink + "/2023/b.csv")).isTrue();
            // the boundary's filter excludes **/_*: the marker is never in a manifest, so never copied
            assertThat(placement.exists(BUCKET, sink + "/2023/_SUCCESS")).isFalse();
        }
        JsonNode ingress = manifest(placement, "chain-ingress", lot, "complete");
        assertThat(ingress.path("uris").toString()).contains("ingress/2023/a.csv").doesNotContain("_SUCCESS");
        JsonNode last = manifest(placement, "chain-c", lot, "complete");
        assertThat(last.path("uris")).hasSize(2);
        assertThat(last.path("uris").get(0).asText()).isEqualTo("s3://" + BUCKET + "/copy-c/2023/a.csv");
        assertThat(placement.exists(MANIFESTS, "datasets/name=chain-c/version=20230101/lot=" + lot.next().format()
                + "/state=empty/manifest.json")).isTrue();
        for (String arc : List.of("copyA", "copyB", "copyC")) {
            assertThat(placement.exists(STATES, "arcs/project=CopyChain/version=20230101-00/arc=" + arc + "/lot="
                    + lot.format() + "/complete.arc")).as(arc).isTrue();
        }
    }

    @Test
    void placingWritesTheMetadataRecordsReportsRead() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");

        placement.runUntilIdle();

        assertThat(placement.exists(METADATA, "metadata.json")).isTrue();
        assertThat(placement.exists(METADATA, "projects/name=CopyChain/version=20230101-00/project.json")).isTrue();
        assertThat(placement.exists(METADATA, "arcs/project=CopyChain/version=20230101-00/arc=copyB/arc.json")).isTrue();
        assertThat(placement.exists(METADATA, "datasets/name=chain-b/version=20230101/dataset.json")).isTrue();
        JsonNode materials = Json.records().readTree(placement.read(METADATA,
                "materials/name=CopyChain/version=20230101-00/materials.json"));
        assertThat(materials).hasSize(1 + 3 + 4);
        assertThat(new io.clusterless.engine.metadata.PlacementReader(new io.clusterless.local.store.FileObjectStore(root)).records(METADATA, "datasets/"))
                .extracting(node -> node.at("/dataset/name").asText()) // the original's shape (ADR-0016)
                .containsExactlyInAnyOrder("chain-ingress", "chain-a", "chain-b", "chain-c");
    }

    @Test
    void aSecondRunWithNothingNewRunsNothing() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        placement.land(BUCKET, "ingress/a.csv", "a", LocalPlacement.within(placement.lotsAgo(LotUnit.TWELFTHS, 2)));
        placement.runUntilIdle();

        RunProgress again = placement.runUntilIdle();

        assertThat(again.arrivals()).isZero();
        assertThat(again.lotsClosed()).isZero();
        assertThat(again.arcRuns()).isZero();
    }

    private static JsonNode manifest(LocalPlacement placement, String dataset, LotId lot, String state)
            throws Exception {
        return Json.records().readTree(placement.read(MANIFESTS, "datasets/name=" + dataset + "/version=20230101/lot="
                + lot.format() + "/state=" + state + "/manifest.json"));
    }
}
