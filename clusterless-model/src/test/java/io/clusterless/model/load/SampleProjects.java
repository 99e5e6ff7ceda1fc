package io.clusterless.model.load;

/**
 * Small valid projects that tests mutate into broken ones. Kept valid by
 * {@code BadProjectFilesTest#baseProjectsAreValidSoEveryRowTestsOnlyItsOwnMutation}.
 */
public final class SampleProjects {
    /**
     * A valid project using every component type, one element per line so that positions in the expected lines are
     * easy to check by eye. Lines: 2 project, 3 placement, 5-8 resources, 11 activity, 14-15 boundary, 18-28 arcs.
     */
    public static final String BASE = """
            {
              "project": {"name": "Demo", "version": "20230101-00"},
              "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
              "resources": [
                {"type": "aws:core:s3Bucket", "name": "bucket", "bucketName": "dev-demo-data", "removeOnDestroy": true},
                {"type": "aws:core:computeEnvironment", "name": "compute", "computeEnvironmentName": "demoCompute"},
                {"type": "aws:core:glueDatabase", "name": "database", "databaseName": "demo"},
                {"type": "aws:core:glueTable", "name": "table", "databaseRef": "database", "tableName": "events", "pathURI": "s3://dev-demo-data/parquet/"}
              ],
              "activities": [
                {"type": "aws:core:cloudWatchExport", "name": "logs", "interval": "Fourths", "logGroupName": "/aws/lambda/demo", "bucketRef": "bucket", "pathURI": "s3:///logs/"}
              ],
              "boundaries": [
                {"type": "aws:core:s3PutListenerBoundary", "name": "ingress", "lotUnit": "Twelfths", "eventArrival": "infrequent",
                 "dataset": {"name": "raw", "version": "1", "pathURI": "s3://dev-demo-data/raw/"}}
              ],
              "arcs": [
                {"type": "aws:core:s3CopyArc", "name": "copy",
                 "sources": {"main": {"name": "raw", "version": "1"}},
                 "sinks": {"main": {"name": "copied", "version": "1", "pathURI": "s3://dev-demo-data/copied/"}},
                 "workload": {"workloadProps": {"failArcOnPartialPercent": 0.1}, "runtimeProps": {"memorySizeMB": 512, "timeoutMin": 10}}},
                {"type": "aws:core:batchExecArc", "name": "convert",
                 "sources": {"main": {"name": "copied", "version": "1"}},
                 "sinks": {"main": {"name": "parquet", "version": "1", "pathURI": "s3://dev-demo-data/parquet/"}},
                 "workload": {"computeEnvironmentRef": "compute", "imagePath": "app", "batchRuntimeProps": {"memorySizeMB": 2048}}},
                {"type": "aws:core:glueAddPartitionsArc", "name": "partitions",
                 "sources": {"main": {"name": "parquet", "version": "1"}},
                 "sinks": {"main": {"name": "partitions", "version": "1", "pathURI": "glue:///demo/events"}}}
              ]
            }
            """;

    /** The same kind of project in YAML, for the mistakes only YAML allows. */
    public static final String YAML_BASE = """
            project:
              name: Demo
              version: "20230101-00"
            placement:
              provider: aws
              stage: dev
              account: "123456789012"
              region: us-west-2
            resources:
              - type: aws:core:s3Bucket
                name: bucket
                bucketName: dev-demo-data
            boundaries:
              - type: aws:core:s3PutListenerBoundary
                name: ingress
                lotUnit: Twelfths
                dataset:
                  name: raw
                  version: "1"
                  pathURI: s3://dev-demo-data/raw/
            """;

    /** The same project in Jsonnet: locals, a function and string formatting. */
    public static final String JSONNET_BASE = """
            local bucket = 'dev-demo-data';
            local uri(prefix) = 's3://%s/%s/' % [bucket, prefix];
            {
              project: { name: 'Demo', version: '20230101-00' },
              placement: { provider: 'aws', stage: 'dev', account: '123456789012', region: 'us-west-2' },
              resources: [{ type: 'aws:core:s3Bucket', name: 'bucket', bucketName: bucket }],
              boundaries: [{
                type: 'aws:core:s3PutListenerBoundary', name: 'ingress', lotUnit: 'Twelfths',
                dataset: { name: 'raw', version: '1', pathURI: uri('raw') },
              }],
            }
            """;

    /** {@link #BASE} with one unique piece of text replaced; fails if the piece is missing or ambiguous. */
    public static String edit(String target, String replacement) {
        int at = BASE.indexOf(target);
        if (at < 0 || BASE.indexOf(target, at + 1) >= 0) {
            throw new IllegalArgumentException("not exactly once in the base project: " + target);
        }
        return BASE.substring(0, at) + replacement + BASE.substring(at + target.length());
    }

    private SampleProjects() {
    }
}
