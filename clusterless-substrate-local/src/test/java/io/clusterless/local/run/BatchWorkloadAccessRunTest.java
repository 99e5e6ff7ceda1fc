package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/s3-access-logs with its convert.sh swapped for a probe: what a batch workload of {@code cls local run} can
 * do through the local S3 endpoint with the credentials the run gives it.
 */
class BatchWorkloadAccessRunTest {
    private static final String BUCKET = "dev-cls-access-logs-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path probeDir;

    private static final String PROBE = """
            #!/usr/bin/env python3
            import json, os, sys
            import boto3, botocore
            s3 = boto3.client("s3")
            manifest = sys.argv[sys.argv.index("--manifest") + 1][len("s3://"):].split("/", 1)
            results = {"keyId": os.environ["AWS_ACCESS_KEY_ID"]}
            def attempt(name, call):
                try:
                    call()
                    results[name] = "allowed"
                except botocore.exceptions.ClientError as e:
                    results[name] = e.response["Error"]["Code"]
            attempt("readSourceManifest", lambda: s3.get_object(Bucket=manifest[0], Key=manifest[1]))
            attempt("writeSink", lambda: s3.put_object(Bucket="%1$s", Key="parquet/access-logs/probe", Body=b"x"))
            attempt("writeArcState", lambda: s3.put_object(Bucket="%3$s", Key="planted.json", Body=b"{}"))
            attempt("listArcState", lambda: s3.list_objects_v2(Bucket="%3$s"))
            attempt("writeSourceManifest", lambda: s3.put_object(Bucket="%2$s",
                    Key=manifest[1].replace("state=complete", "state=empty"), Body=b"{}"))
            attempt("overwriteSource", lambda: s3.put_object(Bucket="%1$s", Key="landing/access-logs/log-1", Body=b""))
            with open("results.json", "w") as out:  # the working directory is the arc's imagePath
                json.dump(results, out)
            sys.exit(1)
            """;

    @Test
    void aBatchWorkloadReadsItsSourceAndWritesItsSinkButNotArcStateNorItsSource() throws Exception {
        JsonNode results = probe(first);

        assertThat(results.path("readSourceManifest").asText()).isEqualTo("allowed");
        assertThat(results.path("writeSink").asText()).isEqualTo("allowed");
        assertThat(results.path("writeArcState").asText()).isEqualTo("AccessDenied");
        assertThat(results.path("listArcState").asText()).isEqualTo("AccessDenied");
        assertThat(results.path("writeSourceManifest").asText()).isEqualTo("AccessDenied");
        assertThat(results.path("overwriteSource").asText()).isEqualTo("AccessDenied");
    }

    @Test
    void eachRunGivesItsWorkloadsOtherCredentials() throws Exception {
        String once = probe(first).path("keyId").asText();
        String again = probe(second).path("keyId").asText();

        assertThat(once).isNotEmpty().isNotEqualTo(again).isNotEqualTo("local");
    }

    /** Runs the arc once over one landed log in a fresh root, with the probe as its command; returns its record. */
    private JsonNode probe(Path root) throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "s3-access-logs/project.json");
        Path app = Files.createDirectories(probeDir.resolve(root.getFileName()).resolve("app"));
        Path script = app.resolve("convert.sh");
        Files.writeString(script, PROBE.formatted(BUCKET, MANIFESTS, placement.plan.placement().arcStateBucket()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path results = app.resolve("results.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
        placement.land(BUCKET, "landing/access-logs/log-1", "line", LocalPlacement.within(lot));

        RunProgress progress;
        try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(root, app.getParent(), true, 2, null),
                placement.clock)) {
            runner.run(update -> { });
            progress = runner.progress();
        }
        assertThat(progress.failed()).isEqualTo(1);
        assertThat(placement.file(placement.plan.placement().arcStateBucket(), "planted.json")).doesNotExist();
        assertThat(placement.read(BUCKET, "landing/access-logs/log-1")).isEqualTo("line");
        return Json.records().readTree(results.toFile());
    }
}
