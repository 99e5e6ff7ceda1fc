package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cls local run}, black box. */
class LocalRunCommandTest {
    private static final String INGRESS = "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/";

    @TempDir
    Path root;

    @Test
    void theReadmeCommandRunsTheCopyChainOnItsSampleDataAndPrintsTheSummary() {
        Cls.Result result = Cls.run("local", "run", "-p", Examples.file("copy-chain/project.json").toString(),
                "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("chain-c").contains("complete").contains("empty");
        assertThat(result.err()).contains("put 4 files");
        Path copied = root.resolve("buckets/dev-cls-copy-chain-123456789012-us-west-2/copy-c/2023/01/01");
        assertThat(copied.resolve("orders-1.csv")).exists();
        assertThat(copied.resolve("_SUCCESS")).doesNotExist();
    }

    @Test
    void theSummaryIsJsonWithOutputJson() throws Exception {
        Cls.Result result = Cls.run("--output", "json", "local", "run", "-p",
                Examples.file("copy-chain/project.json").toString(), "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode rows = Json.records().readTree(result.out());
        assertThat(rows).hasSize(4);
        assertThat(rows.get(3).path("dataset").asText()).isEqualTo("chain-c");
        assertThat(rows.get(3).path("complete").asInt()).isEqualTo(1);
    }

    @Test
    void aRunClosesOnlyTheIntervalsThatEndedByItsClock_evenAtTheLastMomentOfALot() throws Exception {
        // a millisecond before a five-minute boundary: read from a moving clock, the run would cross it while running
        // and also close the lot it was placed in (empty), running every arc once more
        Instant lastMoment = Instant.parse("2026-01-01T00:04:59.999Z");
        Cls.Result result = Cls.runAt(lastMoment, "local", "run", "-p",
                Examples.file("copy-chain/project.json").toString(), "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("intervals closed 1  arc runs 3 (0 failed)");
        // --put dates its files an hour before the run's clock: 23:04:59.999 falls in the 277th lot of the day
        Path ingress = root.resolve("buckets/dev-clusterless-manifest-123456789012-us-west-2/datasets/"
                + "name=chain-ingress/version=20230101");
        try (Stream<Path> lots = Files.list(ingress)) {
            assertThat(lots.map(lot -> lot.getFileName().toString()).filter(name -> name.startsWith("lot=")))
                    .containsExactly("lot=20251231PT5M276");
        }
    }

    @Test
    void aPutWithoutAnObjectUriIsAUsageError() {
        Cls.Result result = Cls.run("local", "run", "-p", Examples.file("copy-chain/project.json").toString(),
                "--local-root", root.toString(), "--until-idle", "--put", "data");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--put expects DIR=s3://BUCKET/PREFIX/");
    }

    @Test
    void anInvalidProjectFailsWithItsFirstProblemAndPlacesNothing() throws Exception {
        Path project = root.resolve("bad.json");
        Files.writeString(project, "{\"project\": {\"name\": \"x\"}}");

        Cls.Result result = Cls.run("local", "run", "-p", project.toString(), "--local-root",
                root.resolve("local").toString(), "--until-idle");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("bad.json");
        assertThat(root.resolve("local/buckets")).doesNotExist();
    }

    @Test
    void projectsGivenTogether_mayReadEachOthersDatasets_butASourceNoneWritesIsRefusedAtItsLine() throws Exception {
        Path consumer = root.resolve("consumer.json");
        Files.writeString(consumer, """
                {"project": {"name": "Consumer", "version": "1"},
                 "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                 "arcs": [{"type": "aws:core:s3CopyArc", "name": "fromA",
                   "sources": {"main": {"name": "chain-a", "version": "20230101"},
                               "typo": {"name": "chain-x", "version": "20230101"}},
                   "sinks": {"main": {"name": "down-a", "version": "1",
                                      "pathURI": "s3://dev-cls-copy-chain-123456789012-us-west-2/down-a/"}}}]}
                """);

        Cls.Result alone = Cls.run("local", "run", consumer.toString(), "--local-root", root.resolve("local")
                .toString(), "--until-idle");
        Cls.Result together = Cls.run("local", "run", Examples.file("copy-chain/project.json").toString(),
                consumer.toString(), "--local-root", root.resolve("local").toString(), "--until-idle");

        assertThat(alone.exitCode()).as(alone.toString()).isEqualTo(1);
        assertThat(alone.err()).contains("dataset owner not found: chain-a/20230101");
        assertThat(together.exitCode()).as(together.toString()).isEqualTo(1);
        assertThat(together.err().strip()).isEqualTo("error: " + consumer + ":5:24: arcs[0].sources.typo: dataset "
                + "owner not found: chain-x/20230101; no boundary dataset or arc sink of the given projects produces "
                + "it (check name and version, or add the owning project's file with another -p)");
        assertThat(root.resolve("local/buckets")).doesNotExist();
    }
}
