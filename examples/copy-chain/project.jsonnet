// CopyChain, Jsonnet form: evaluates to the same JSON as project.json and project.yaml.
//   cls validate -p examples/copy-chain/project.jsonnet
local props = import 'properties.libsonnet';

local project = { name: 'CopyChain', version: '20230101-00' };
local datasetVersion = '20230101';

local bucketName = std.join('-', [props.stage, 'cls', 'copy-chain', props.account, props.region]);
assert std.length(bucketName) <= 63 : 'bucket name too long: ' + bucketName;

local pathURI(prefix) = 's3://%s/%s/' % [bucketName, prefix];
local sink(name, prefix) = { name: name, version: datasetVersion, pathURI: pathURI(prefix) };
local source(dataset) = { name: dataset.name, version: dataset.version };

// An s3CopyArc; `workload` is only emitted when something is set, so defaults stay implicit.
local s3CopyArc(name, from, to, workloadProps={}, runtimeProps={}) = {
  type: 'aws:core:s3CopyArc',
  name: name,
  sources: { main: source(from) },
  sinks: { main: to },
  [if workloadProps != {} || runtimeProps != {} then 'workload']:
    { [if workloadProps != {} then 'workloadProps']: workloadProps }
    + { [if runtimeProps != {} then 'runtimeProps']: runtimeProps },
};

local ingress = sink('chain-ingress', 'ingress');
local chainA = sink('chain-a', 'copy-a');
local chainB = sink('chain-b', 'copy-b');
local chainC = sink('chain-c', 'copy-c');

{
  project: project,
  placement: { provider: 'aws', stage: props.stage, account: props.account, region: props.region },
  resources: [
    { type: 'aws:core:s3Bucket', name: 'bucket', bucketName: bucketName, removeOnDestroy: true },
  ],
  boundaries: [
    {
      type: 'aws:core:s3PutListenerBoundary',
      name: 'ingressListener',
      eventArrival: 'frequent',
      lotUnit: 'Twelfths',
      dataset: ingress,
      filter: { excludes: ['**/_*'] },
    },
  ],
  arcs: [
    s3CopyArc('copyA', ingress, chainA),
    // Up to 10% failed copies make the lot "partial" instead of failing the arc.
    s3CopyArc('copyB', chainA, chainB, workloadProps={ failArcOnPartialPercent: 0.1 }),
    // A partial runtimeProps object merges over the defaults.
    s3CopyArc('copyC', chainB, chainC, runtimeProps={ memorySizeMB: 1024 }),
  ],
}
