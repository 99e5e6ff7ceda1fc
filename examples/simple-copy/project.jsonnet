// SimpleCopy, Jsonnet form: evaluates to the same JSON as project.json and project.yaml.
//   cls validate -p examples/simple-copy/project.jsonnet
local props = import 'properties.libsonnet';

local project = { name: 'SimpleCopy', version: '20230101-00' };
local datasetVersion = '20230101';

// <stage>-cls-<project>-<account>-<region>, lower case, at most 63 characters.
local bucketName = std.join('-', [props.stage, 'cls', 'simple-copy', props.account, props.region]);
assert std.length(bucketName) <= 63 : 'bucket name too long: ' + bucketName;

local pathURI(prefix) = 's3://%s/%s/' % [bucketName, prefix];

// A dataset as produced by a boundary or an arc sink, and the reference an arc source uses.
local sink(name, prefix) = { name: name, version: datasetVersion, pathURI: pathURI(prefix) };
local source(dataset) = { name: dataset.name, version: dataset.version };

local s3CopyArc(name, from, to) = {
  type: 'aws:core:s3CopyArc',
  name: name,
  sources: { main: source(from) },
  sinks: { main: to },
};

local ingress = sink('simple-ingress', 'ingress');
local copied = sink('simple-copy', 'copy');

{
  project: project,
  placement: { provider: 'aws', stage: props.stage, account: props.account, region: props.region },
  resources: [
    {
      type: 'aws:core:s3Bucket',
      name: 'bucket',
      bucketName: bucketName,
      removeOnDestroy: true,  // demo only
    },
  ],
  boundaries: [
    {
      type: 'aws:core:s3PutListenerBoundary',
      name: 'ingressListener',
      eventArrival: 'infrequent',
      lotUnit: 'Twelfths',
      dataset: ingress,
      filter: { excludes: ['**/_*'] },
    },
  ],
  arcs: [
    s3CopyArc('copy', ingress, copied),
  ],
}
