package io.clusterless.substrate.aws;

import io.clusterless.naming.PlacementNames;
import io.clusterless.naming.ProjectNames;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What validate accepts, synth accepts: a project at the edges of every name rule (underscores, dots and leading
 * digits where they are legal, a Lambda function name of exactly 64 characters) passes validation (Projects.load
 * asserts it) and synthesizes; the model's HostileValuesTest shows validate refusing each value past those edges.
 */
class ValidatedNamesSynthTest {
    @TempDir
    Path tmp;

    /** Edge_case_1, not Edge_case-1: by the original's rule an underscore beside a hyphen stays in names (ADR-0016). */
    @Test
    void aProjectAtTheEdgesOfTheNameRulesValidatesAndSynthesizes() throws IOException {
        ProjectNames names = new ProjectNames(new PlacementNames("Q2", "123456789012", "us-west-2"), "Edge_case_1",
                "2023-01");
        String arc = "a";
        while (names.lambdaFunction(arc + "a", "complete").length() <= ProjectNames.LAMBDA_NAME_MAX) {
            arc += "a";
        }
        assertThat(names.lambdaFunction(arc, "complete")).hasSize(ProjectNames.LAMBDA_NAME_MAX);
        Files.createDirectories(tmp.resolve("image"));
        Files.writeString(tmp.resolve("image/Dockerfile"), "FROM public.ecr.aws/docker/library/busybox\n");
        Path file = tmp.resolve("edges.json");
        Files.writeString(file, """
                {"project": {"name": "Edge_case_1", "version": "2023-01"},
                 "placement": {"provider": "aws", "stage": "Q2", "account": "123456789012", "region": "us-west-2"},
                 "resources": [
                   {"type": "aws:core:s3Bucket", "name": "data_1", "bucketName": "q2-edge-data-123456789012"},
                   {"type": "aws:core:computeEnvironment", "name": "compute", "computeEnvironmentName": "batch_Env-2"},
                   {"type": "aws:core:glueDatabase", "name": "db", "databaseName": "2023_edge-db"},
                   {"type": "aws:core:glueTable", "name": "table", "databaseRef": "db", "tableName": "_raw_2",
                    "pathURI": "s3://q2-edge-data-123456789012/copy.v2/",
                    "schema": {"columns": [{"name": "line", "type": "string"}], "dataFormat": "csv"}}
                 ],
                 "activities": [
                   {"type": "aws:core:cloudWatchExport", "name": "logs_Export", "interval": "Fourths",
                    "logGroupName": "/aws/lambda/x", "bucketRef": "data_1", "pathURI": "s3:///logs/a.b/"}
                 ],
                 "boundaries": [
                   {"type": "aws:core:s3PutListenerBoundary", "name": "in_Frequent", "lotUnit": "Twelfths",
                    "eventArrival": "frequent",
                    "dataset": {"name": "2023_raw.v2", "version": "1.0.2",
                                "pathURI": "s3://q2-edge-data-123456789012/in.coming/2023_raw/"}}
                 ],
                 "arcs": [
                   {"type": "aws:core:s3CopyArc", "name": "%s",
                    "sources": {"main": {"name": "2023_raw.v2", "version": "1.0.2"}},
                    "sinks": {"main": {"name": "copy.v2", "version": "20230101_00",
                                       "pathURI": "s3://q2-edge-data-123456789012/copy.v2/"}}},
                   {"type": "aws:core:batchExecArc", "name": "convert_2",
                    "sources": {"main": {"name": "copy.v2", "version": "20230101_00"}},
                    "sinks": {"main": {"name": "out-1", "version": "9", "pathURI": "s3://q2-edge-data-123456789012/out/"}},
                    "workload": {"computeEnvironmentRef": "compute", "imagePath": "./image",
                                 "environment": {"_OUT_1": "a b;$(c)"}}}
                 ]}
                """.formatted(arc));

        SynthResult result = Projects.synth(Projects.load(file), SynthOptions.defaults(Projects.lambdaJar()));

        assertThat(result.stacks()).extracting(SynthResult.StackReport::name)
                .contains(names.arcStack(arc), names.arcStack("convert_2"), names.groupedStack());
    }
}
