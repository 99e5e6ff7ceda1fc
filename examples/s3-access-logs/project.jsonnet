// AccessLogs, Jsonnet form: evaluates to the same JSON as project.json and project.yaml.
//   cls validate -p examples/s3-access-logs/project.jsonnet
local props = import 'properties.libsonnet';

local project = { name: 'AccessLogs', version: '20230101-00' };
local datasetVersion = '20230101';

local bucketName = std.join('-', [props.stage, 'cls', 'access-logs', props.account, props.region]);
assert std.length(bucketName) <= 63 : 'bucket name too long: ' + bucketName;

// Glue names: letters, digits and underscores, so that Athena needs no quoting.
local databaseName = std.strReplace(props.stage, '-', '_') + '_access_logs';
local tableName = 'access_logs';

local pathURI(prefix) = 's3://%s/%s/' % [bucketName, prefix];
local sink(name, uri) = { name: name, version: datasetVersion, pathURI: uri };
local source(dataset) = { name: dataset.name, version: dataset.version };

// [name, type] or [name, type, comment] -> a Glue column.
local column(spec) = { name: spec[0], type: spec[1] } + (if std.length(spec) > 2 then { comment: spec[2] } else {});

local arc(type, name, from, to, workload) = {
  type: type,
  name: name,
  sources: { main: source(from) },
  sinks: { main: to },
  workload: workload,
};

local raw = sink('access-logs-raw', pathURI('landing/access-logs'));
local parquet = sink('access-logs-parquet', pathURI('parquet/access-logs'));
local partitions = sink('access-logs-partitions', 'glue:///%s/%s' % [databaseName, tableName]);

{
  project: project,
  placement: { provider: 'aws', stage: props.stage, account: props.account, region: props.region },
  resources: [
    { type: 'aws:core:s3Bucket', name: 'bucket', bucketName: bucketName, removeOnDestroy: true },
    { type: 'aws:core:computeEnvironment', name: 'compute', computeEnvironmentName: 'convertCompute' },
    { type: 'aws:core:glueDatabase', name: 'database', databaseName: databaseName, removeOnDestroy: true },
    {
      type: 'aws:core:glueTable',
      name: 'table',
      databaseRef: 'database',
      tableName: tableName,
      description: 'S3 server access logs, one row per request, converted to Parquet',
      pathURI: parquet.pathURI,
      schema: {
        columns: std.map(column, [
          ['bucket_owner', 'string', 'canonical user id of the bucket owner'],
          ['bucket', 'string'],
          ['request_time', 'string', 'as logged: [06/Feb/2023:00:00:38 +0000]'],
          ['remote_ip', 'string'],
          ['requester', 'string'],
          ['request_id', 'string'],
          ['operation', 'string', 'e.g. REST.GET.OBJECT'],
          ['key', 'string'],
          ['request_uri', 'string'],
          ['http_status', 'int'],
          ['error_code', 'string'],
          ['bytes_sent', 'bigint'],
          ['object_size', 'bigint'],
          ['total_time', 'int', 'milliseconds'],
          ['turn_around_time', 'int', 'milliseconds'],
          ['referrer', 'string'],
          ['user_agent', 'string'],
          ['version_id', 'string'],
        ]),
        // Read from the object paths that convert.sh writes: day=<yyyyMMdd>/lot=<lot>/
        partitions: std.map(column, [
          ['day', 'string', 'UTC day of the lot, yyyyMMdd'],
          ['lot', 'string', 'lot id, e.g. 20230101PT5M042'],
        ]),
        dataFormat: 'parquet',
      },
    },
  ],
  boundaries: [
    {
      type: 'aws:core:s3PutListenerBoundary',
      name: 'landingListener',
      eventArrival: 'frequent',
      lotUnit: 'Twelfths',
      dataset: raw,
    },
  ],
  arcs: [
    arc('aws:core:batchExecArc', 'toParquet', raw, parquet, {
      computeEnvironmentRef: 'compute',
      imagePath: 'app',
      command: ['./convert.sh', '--lot', '$.arcNotifyEvent.lot', '--manifest', '$.arcNotifyEvent.manifest'],
      environment: { OUTPUT_FORMAT: 'parquet', SINK_ROLE: 'main' },
      batchRuntimeProps: { memorySizeMB: 2048, timeoutMin: 30 },
    }),
    arc('aws:core:glueAddPartitionsArc', 'addPartitions', parquet, partitions, {
      workloadProps: { partitionType: 'named', partitionResults: 'added' },
    }),
  ],
}
