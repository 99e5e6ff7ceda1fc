package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/s3-access-logs: the batchExecArc's convert.sh, written for a container on AWS, reads and writes through
 * the S3 API with the aws CLI; locally it runs unchanged against the endpoint served over the local root.
 */
class BatchWorkloadRunTest {
    private static final String BUCKET = "dev-cls-access-logs-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void aWorkloadWrittenAgainstS3RunsUnchangedAndItsSinkManifestDrivesTheNextArc() throws Exception {
        assumeTrue(onPath("aws") && onPath("jq") && onPath("python3"),
                "convert.sh needs the aws CLI, jq and python3 on the PATH");
        LocalPlacement placement = new LocalPlacement(root, "s3-access-logs/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
        Path sample = LocalPlacement.EXAMPLES.resolve("s3-access-logs/sample/2023-01-01-00-12-31-5F3A9C1E0B7D2A44");
        placement.land(BUCKET, "landing/access-logs/log-1", Files.readString(sample), LocalPlacement.within(lot));

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        JsonNode manifest = Json.records().readTree(placement.read(MANIFESTS,
                "datasets/name=access-logs-parquet/version=20230101/lot=" + lot.format() + "/state=complete/manifest.json"));
        String written = manifest.path("uris").get(0).asText();
        assertThat(written).startsWith("s3://" + BUCKET + "/parquet/access-logs/day=" + lot.format().substring(0, 8)
                + "/lot=" + lot.format() + "/part-00000.");
        assertThat(placement.exists(BUCKET, written.substring(("s3://" + BUCKET + "/").length()))).isTrue();
        JsonNode table = Json.records().readTree(root.resolve("catalog/dev_access_logs/access_logs.json").toFile());
        assertThat(table.path("partitions").get(0).path("values").toString())
                .isEqualTo("[\"" + lot.format().substring(0, 8) + "\",\"" + lot.format() + "\"]");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
