package io.clusterless.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The five scenario projects of the original Clusterless (its {@code clusterless-scenario/src/main/cls/scenarios},
 * wip-1.0), written out as the same Jsonnet layout: a {@code scenario.jsonnet} importing a project
 * {@code .jsonnet} that reads {@code scenario.stage}, {@code scenario.aws.account} and {@code scenario.aws.region},
 * and naming the project's rendering ({@code x.json}) in {@code projectFiles}. The original is MPL-2.0, so its files
 * are not copied into this repository; they are generated here from their parameters (names, buckets, boundary
 * options, arc chains, ingress and watch settings), which is what a compatibility test needs to hold fixed.
 */
final class OriginalScenarios {
    static final List<String> NAMES = List.of("glue-simple", "s3-copy-chain", "s3-frequent-filter-boundary",
            "s3-frequent-filter-copy", "s3-simple");

    private OriginalScenarios() {
    }

    /** Writes the five scenario folders under {@code root}; returns {@code root}. */
    static Path writeAll(Path root) {
        write(root, "glue-simple", "s3-copy-arc", glueProject(), """
                {
                  name: 'glue-simple',
                  description: 'simple glue workload',
                  projectFiles: ['s3-copy-arc.json'],
                  placements: [project.placement],
                  ingressStores: [{
                    region: project.placement.region,
                    path: project.boundaries[0].dataset.pathURI,
                    uploadDelaySec: 60 * 5,
                    objectCount: 3,
                    objectName: 'partition=%1$04d/data-%1$04d-%2$d.txt',
                  }],
                  watchedStores: [{
                    region: project.placement.region,
                    path: project.arcs[0].sinks.main.pathURI,
                    watchType: 'glue',
                    objectCount: 3,
                  }],
                }
                """);
        write(root, "s3-copy-chain", "s3-copy-arc-project-chain",
                copyProject("S3Chain", "clusterless-chain-test-", "IngressPutListener", "ingress-chain", "",
                        List.of(copyArc("copyA", "ingress-chain", "20220101", "copy-a-chain", "copy-a", ""),
                                copyArc("copyB", "copy-a-chain", "20230101", "copy-b-chain", "copy-b",
                                        "workload: { workloadProps: { failArcOnPartialPercent: 0.1 } },"),
                                copyArc("copyC", "copy-b-chain", "20230101", "copy-c-chain", "copy-c", ""))),
                simpleScenario("copy-chain", "chained copy workloads", "s3-copy-arc-project-chain.json", 2));
        write(root, "s3-frequent-filter-boundary", "s3-copy-arc",
                copyProject("S3FreqFiltBndy", "clusterless-freq-filter-bndry-test-", "FreqPutLstnr",
                        "ingress-frequent-boundary", "eventArrival: 'frequent', filter: { excludes: ['**/_*'] },",
                        List.of(copyArc("copyA", "ingress-frequent-boundary", "20220101", "copy-a-frequent-boundary",
                                "copy-a", ""))),
                frequentScenario("s3-frequent-filter-boundary"));
        write(root, "s3-frequent-filter-copy", "s3-copy-arc",
                copyProject("S3FreqFiltCp", "clusterless-freq-filter-copy-test-", "FreqPutLstnr",
                        "ingress-frequent-copy", "eventArrival: 'frequent',",
                        List.of(copyArc("copyA", "ingress-frequent-copy", "20220101", "copy-a-frequent-copy",
                                "copy-a", "workload: { workloadProps: { filter: { excludes: ['**/_*'] } } },"))),
                frequentScenario("s3-frequent-filter-copy"));
        write(root, "s3-simple", "s3-copy-arc",
                copyProject("S3Simple", "clusterless-simple-test-", "IngressPutListener", "ingress-simple", "",
                        List.of(copyArc("copyA", "ingress-simple", "20220101", "copy-a-simple", "copy-a", ""))),
                simpleScenario("s3-simple", "simple copy workload", "s3-copy-arc.json", 0));
        return root;
    }

    private static void write(Path root, String dir, String projectBase, String project, String scenario) {
        try {
            Path folder = Files.createDirectories(root.resolve(dir));
            Files.writeString(folder.resolve(projectBase + ".jsonnet"), project);
            Files.writeString(folder.resolve("scenario.jsonnet"),
                    "local project = import '" + projectBase + ".jsonnet';\n\n" + scenario);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String bucketPrefix) {
        return """
                local stage = std.extVar('scenario.stage');
                local account = std.extVar('scenario.aws.account');
                local region = std.extVar('scenario.aws.region');
                local bucketName = '%s' + account + '-' + region;
                local bucketPrefix = 's3://' + bucketName;
                local unit = 'Twelfths';
                """.formatted(bucketPrefix);
    }

    private static String placementAndBucket(String projectName) {
        return """
                  project: { name: '%s', version: '20230101-00' },
                  placement: { stage: stage, provider: 'aws', account: account, region: region },
                """.formatted(projectName);
    }

    private static String copyProject(String projectName, String bucketPrefix, String boundaryName, String dataset,
                                      String boundaryExtra, List<String> arcs) {
        return header(bucketPrefix) + "\n{\n" + placementAndBucket(projectName) + """
                  resources: [{ type: 'aws:core:s3Bucket', name: 'bucket', bucketName: bucketName }],
                  boundaries: [{
                    type: 'aws:core:s3PutListenerBoundary',
                    name: '%s',
                    %s
                    dataset: { name: '%s', version: '20220101', pathURI: bucketPrefix + '/ingress/' },
                    lotUnit: unit,
                  }],
                  arcs: [
                %s
                  ],
                }
                """.formatted(boundaryName, boundaryExtra, dataset, String.join(",\n", arcs));
    }

    private static String copyArc(String name, String source, String sourceVersion, String sink, String folder,
                                  String extra) {
        return """
                    {
                      type: 'aws:core:s3CopyArc',
                      name: '%s',
                      sources: { main: { name: '%s', version: '%s' } },
                      sinks: { main: { name: '%s', version: '20230101', pathURI: bucketPrefix + '/%s/' } },
                      %s
                    }""".formatted(name, source, sourceVersion, sink, folder, extra);
    }

    private static String glueProject() {
        return header("clusterless-glue-test-") + """
                local databaseName = 'clusterless-glue-test-db';
                local tableName = 'clusterless-glue-test-table';

                {
                """ + placementAndBucket("GlueSimple") + """
                  resources: [
                    { type: 'aws:core:s3Bucket', name: 'bucket', bucketName: bucketName },
                    { type: 'aws:core:glueDatabase', name: 'database', databaseName: databaseName },
                    {
                      type: 'aws:core:glueTable',
                      name: 'table',
                      databaseRef: 'database',
                      tableName: tableName,
                      pathURI: bucketPrefix + '/ingress/',
                      schema: {
                        columns: [{ name: 'id', type: 'int' }, { name: 'value', type: 'string' }],
                        partitions: [{ name: 'partition', type: 'string' }],
                        dataFormat: 'csv',
                      },
                    },
                  ],
                  boundaries: [{
                    type: 'aws:core:s3PutListenerBoundary',
                    name: 'IngressPutListener',
                    dataset: { name: 'ingress-glue', version: '20220101', pathURI: bucketPrefix + '/ingress/' },
                    lotUnit: unit,
                  }],
                  arcs: [{
                    type: 'aws:core:glueAddPartitionsArc',
                    name: 'addPartitions',
                    sources: { main: { name: 'ingress-glue', version: '20220101' } },
                    sinks: { main: { name: 'partitions', version: '20220101',
                                     pathURI: 'glue:///' + databaseName + '/' + tableName } },
                  }],
                }
                """;
    }

    /** Ingress and watch with no objectName, record or watchType: the original's defaults apply. */
    private static String simpleScenario(String name, String description, String projectFile, int lastArc) {
        return """
                {
                  name: '%s',
                  description: '%s',
                  projectFiles: ['%s'],
                  placements: [project.placement],
                  ingressStores: [{
                    region: project.placement.region,
                    path: project.boundaries[0].dataset.pathURI,
                    uploadDelaySec: 60 * 5,
                    objectCount: 3,
                  }],
                  watchedStores: [{
                    region: project.placement.region,
                    path: project.arcs[%d].sinks.main.pathURI,
                    objectCount: 3,
                  }],
                }
                """.formatted(name, description, projectFile, lastArc);
    }

    /** Data objects and as many {@code _SUCCESS} markers every 15 s for 3 lots; only the data may arrive. */
    private static String frequentScenario(String name) {
        List<String> stores = new ArrayList<>();
        for (String objectName : new String[]{null, "_SUCCESS-%04d-%d.txt"}) {
            stores.add("""
                    {
                      region: project.placement.region,
                      path: project.boundaries[0].dataset.pathURI,
                      uploadDelaySec: 15,
                      objectCount: 60/15 * 5 * 3,
                      %s
                    }""".formatted(objectName == null ? "" : "objectName: '" + objectName + "',"));
        }
        return """
                {
                  name: '%s',
                  description: 'copy workload with frequent arrivals',
                  projectFiles: ['s3-copy-arc.json'],
                  placements: [project.placement],
                  ingressStores: [
                %s
                  ],
                  watchedStores: [{
                    region: project.placement.region,
                    path: project.arcs[0].sinks.main.pathURI,
                    objectCount: 60/15 * 5 * 3,
                  }],
                }
                """.formatted(name, String.join(",\n", stores));
    }
}
