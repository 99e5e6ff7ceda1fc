package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Function code written with the AWS SDKs runs unchanged under {@code cls local run} (issue 15): the SDK for Java v2
 * in examples/function-java (its jar built by the reactor before these tests), and the SDK for JavaScript v3
 * ({@code @aws-sdk/client-s3}, installed with npm into the function's folder as a user would vendor it). Neither
 * function is told about the local S3 endpoint: the environment cls gives the process points the SDKs at it.
 */
class FunctionSdkCodeTest {
    private static final String JAVA_BUCKET = "dev-cls-fn-java-123456789012-us-west-2";
    private static final String NODE_BUCKET = "dev-cls-fn-node-123456789012-us-west-2";

    @TempDir
    Path root;

    @Test
    void theJavaExampleTotalsEachLotsOrdersWithTheSdkForJava() throws Exception {
        Cls.Result result = Cls.run("local", "run", "-p", Examples.file("function-java/project.json").toString(),
                "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("function-java/sample") + "=s3://" + JAVA_BUCKET + "/orders/");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("arc runs 1 (0 failed)");
        List<Path> totals = files(root.resolve("buckets").resolve(JAVA_BUCKET).resolve("totals"));
        assertThat(totals).hasSize(1);
        JsonNode document = Json.records().readTree(Files.readString(totals.get(0)));
        assertThat(document.path("currencies").path("USD").path("orders").asInt()).isEqualTo(3);
        assertThat(document.path("currencies").path("USD").path("amount").asDouble()).isEqualTo(162.49);
        assertThat(document.path("currencies").path("EUR").path("orders").asInt()).isEqualTo(2);
        String lot = document.path("lot").asText();
        assertThat(totals.get(0).toString()).endsWith("totals/lot=" + lot + "/totals.json");
        Path manifest = root.resolve("buckets/dev-clusterless-manifest-123456789012-us-west-2/datasets/"
                + "name=order-totals/version=20230101/lot=" + lot + "/state=complete/manifest.json");
        assertThat(Json.records().readTree(Files.readString(manifest)).path("uris").get(0).asText())
                .isEqualTo("s3://" + JAVA_BUCKET + "/totals/lot=" + lot + "/totals.json");
    }

    @Test
    void nodeCodeWithTheSdkForJavaScriptRunsUnchanged() throws Exception {
        Path project = root.resolve("project");
        Path function = Files.createDirectories(project.resolve("fn"));
        Files.writeString(function.resolve("package.json"), """
                { "name": "upper", "version": "1.0.0", "private": true, "type": "module",
                  "dependencies": { "@aws-sdk/client-s3": "^3.700.0" } }
                """);
        Files.writeString(function.resolve("upper.mjs"), """
                import { S3Client, GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
                const s3 = new S3Client({});
                const split = (uri) => { const u = new URL(uri); return { Bucket: u.host, Key: u.pathname.slice(1) }; };
                export const handler = async (event) => {
                  const written = [];
                  for (const uri of event.sources.main.uris) {
                    const body = await (await s3.send(new GetObjectCommand(split(uri)))).Body.transformToString();
                    const target = event.sinks.main.pathURI + "lot=" + event.lot + "/" + uri.split("/").pop();
                    await s3.send(new PutObjectCommand({ ...split(target), Body: body.toUpperCase() }));
                    written.push(target);
                  }
                  return { sinks: { main: written } };
                };
                """);
        Process npm = new ProcessBuilder("npm", "install", "--omit=dev", "--no-audit", "--no-fund", "--silent")
                .directory(function.toFile()).redirectErrorStream(true).start();
        String npmOutput = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(npm.exitValue()).as("npm install @aws-sdk/client-s3: " + npmOutput).isZero();
        String example = Files.readString(Examples.file("function-node/project.json"))
                .replace("\"handler\": \"filter.filter\"", "\"handler\": \"upper.handler\"")
                .replace("\"codePath\": \"functions/filter\"", "\"codePath\": \"fn\"");
        assertThat(example).contains("upper.handler").contains("\"codePath\": \"fn\"");
        Files.writeString(project.resolve("project.json"), example);

        Cls.Result result = Cls.run("local", "run", "-p", project.resolve("project.json").toString(),
                "--local-root", root.resolve("local").toString(), "--until-idle",
                "--put", Examples.file("function-node/sample") + "=s3://" + NODE_BUCKET + "/events/");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("arc runs 1 (0 failed)");
        List<Path> written = files(root.resolve("local/buckets").resolve(NODE_BUCKET).resolve("purchases"));
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("events-a.jsonl", "events-b.jsonl");
        String upper = Files.readString(written.get(0));
        assertThat(upper).isEqualTo(upper.toUpperCase()).contains("\"TYPE\"");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
