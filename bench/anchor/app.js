// The Node anchor of bench/synth.sh: the stacks `cls synth` builds for a project of one bucket, one frequent
// s3PutListenerBoundary and N s3CopyArcs, written directly against aws-cdk-lib with the same L2 constructs the
// clusterless substrate uses through jsii. The names, environment documents and IAM grants of each function come
// from a spec (bench/anchor/spec.py writes it once, untimed); every construct is built here, per run.
//
//   node app.js SPEC OUTDIR
//
// bench/anchor/compare.py checks that the templates equal cls's, so both sides build the same resources with the
// same properties.
'use strict';
const fs = require('fs');
const cdk = require('aws-cdk-lib');
const { Construct } = require('constructs');
const iam = require('aws-cdk-lib/aws-iam');
const lambda = require('aws-cdk-lib/aws-lambda');
const destinations = require('aws-cdk-lib/aws-lambda-destinations');
const logs = require('aws-cdk-lib/aws-logs');
const s3 = require('aws-cdk-lib/aws-s3');
const sqs = require('aws-cdk-lib/aws-sqs');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');
const sfn = require('aws-cdk-lib/aws-stepfunctions');
const tasks = require('aws-cdk-lib/aws-stepfunctions-tasks');

const [specFile, outdir] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));

const WILDCARDS = 'Objects are written and read under a fixed bucket and key prefix; their keys (lots, attempts, data '
  + 'files) are only known at run time.';

// what cdk-nag's NagSuppressions.addResourceSuppressions(construct, rules, true) writes: the same metadata
function suppress(construct, rules) {
  for (const child of construct.node.findAll()) {
    if (!(child instanceof cdk.CfnResource)) continue;
    const existing = child.getMetadata('cdk_nag') || { rules_to_suppress: [] };
    const merged = [...existing.rules_to_suppress];
    for (const rule of rules) {
      if (!merged.some(r => JSON.stringify(r) === JSON.stringify(rule))) merged.push(rule);
    }
    child.addMetadata('cdk_nag', { rules_to_suppress: merged });
  }
}

function wildcards(construct, reason, regexes) {
  suppress(construct, [{ reason, id: 'AwsSolutions-IAM5', applies_to: regexes.map(regex => ({ regex })) }]);
}

// "arn:${Partition}:s3:::b/p*" in the spec: the pseudo parameters become CDK tokens again
function arn(text) {
  return text.replace(/\$\{(Partition|Region|AccountId)\}/g, (_, name) =>
    ({ Partition: cdk.Aws.PARTITION, Region: cdk.Aws.REGION, AccountId: cdk.Aws.ACCOUNT_ID })[name]);
}

function statement(s) {
  return new iam.PolicyStatement({ actions: s.actions, resources: s.resources.map(arn), conditions: s.conditions });
}

// a function as cls builds it in the original's layout (HandlerFunction.inOriginalLayout): directly in `scope` as
// `id`, its log group at LambdaLogGroup<id>/LogGroup<id>, its role beside it as <id>Role
class Handler {
  constructor(scope, id, fn, jar) {
    const logGroup = new logs.LogGroup(new Construct(scope, 'LambdaLogGroup' + id), 'LogGroup' + id, {
      logGroupName: fn.logGroupName, retention: logs.RetentionDays.ONE_MONTH, removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    if (fn.retentionDays !== 30) logGroup.node.defaultChild.retentionInDays = fn.retentionDays;
    this.role = new iam.Role(scope, id + 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'), description: 'runs ' + fn.functionName,
    });
    this.role.addToPolicy(new iam.PolicyStatement({
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn],
    }));
    this.function = new lambda.Function(scope, id, {
      functionName: fn.functionName,
      description: fn.description,
      code: lambda.Code.fromAsset(jar),
      handler: fn.handler,
      runtime: lambda.Runtime.JAVA_21,
      architecture: fn.architecture === 'x86_64' ? lambda.Architecture.X86_64 : lambda.Architecture.ARM_64,
      memorySize: fn.memorySize,
      timeout: cdk.Duration.seconds(fn.timeoutSeconds),
      environment: fn.environment,
      role: this.role,
      logGroup,
      snapStart: lambda.SnapStartConf.ON_PUBLISHED_VERSIONS,
    });
    this.target = this.function.currentVersion;
    cdk.Annotations.of(this.function).acknowledgeWarning('@aws-cdk/aws-lambda:snapStartRequirePublish',
      'every rule and state machine invokes the published version');
    suppress(this.function, [{ reason: 'The handlers are built and tested for Java 21, the newest Java runtime with '
      + 'SnapStart that the runtime module targets.', id: 'AwsSolutions-L1' }]);
    for (const s of fn.statements) this.role.addToPolicy(statement(s));
    if (fn.wildcards) wildcards(this.role, WILDCARDS, ['/^Resource::arn:<AWS::Partition>:s3:::[^*]+\\*$/g']);
  }
}

class DeadLetters {
  constructor(scope, id, queueName) {
    this.queue = new sqs.Queue(scope, id, {
      queueName, retentionPeriod: cdk.Duration.days(14), encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true, removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    suppress(this.queue, [{ reason: 'This is the dead-letter queue of the stack\'s rules and functions; cls gaps '
      + 'reads it, nothing consumes it.', id: 'AwsSolutions-SQS3' }]);
  }

  invoke(handler, retryAttempts) {
    handler.target.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.queue), retryAttempts: Math.min(2, retryAttempts),
      maxEventAge: cdk.Duration.hours(6),
    });
    return new targets.LambdaFunction(handler.target, {
      retryAttempts, maxEventAge: cdk.Duration.hours(24), deadLetterQueue: this.queue,
    });
  }

  start(machine) {
    return new targets.SfnStateMachine(machine, {
      retryAttempts: 185, maxEventAge: cdk.Duration.hours(24), deadLetterQueue: this.queue,
    });
  }
}

function stackProps(s) {
  return {
    stackName: s.name, description: s.description, env: { account: s.account, region: s.region },
    synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  };
}

function eventPattern(json) {
  const names = { source: 'source', 'detail-type': 'detailType', detail: 'detail', account: 'account',
    region: 'region', resources: 'resources' };
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [names[k], v]));
}

function groupedStack(app, s) {
  const stack = new cdk.Stack(app, s.name, stackProps(s));
  const buckets = {};
  for (const b of s.buckets) {
    // where the original places a bucket (ADR-0016): S3BucketResource<BucketName>/S3BucketResource<BucketName>
    const scope = new Construct(stack, b.id);
    const bucket = new s3.Bucket(scope, b.id, {
      bucketName: b.bucketName, versioned: b.versioned, encryption: s3.BucketEncryption.S3_MANAGED, enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      removalPolicy: b.removeOnDestroy ? cdk.RemovalPolicy.DESTROY : cdk.RemovalPolicy.RETAIN,
    });
    if (b.eventBridge) {
      bucket.node.defaultChild.addPropertyOverride('NotificationConfiguration.EventBridgeConfiguration.EventBridgeEnabled', true);
    }
    suppress(bucket, [{ reason: 'Server access logs need a second bucket per bucket; clusterless records every '
      + 'arrival in manifests, and users enable access logging where they need it.', id: 'AwsSolutions-S1' }]);
    buckets[b.bucketName] = { bucket, queues: [] };
    const output = new Construct(stack, b.outputScope);
    new cdk.CfnOutput(output, b.outputLabel, { exportName: b.exportName, value: bucket.bucketArn });
  }
  const deadLetters = new DeadLetters(stack, 'DeadLetters', s.deadLetterQueue);
  for (const boundary of s.boundaries) {
    // the original's S3PutListenerBoundaryFrequent<Name> holding <Name>Int, S3EventQueue and ListenerEvent
    const scope = new Construct(stack, 'S3PutListenerBoundaryFrequent' + boundary.label);
    const handler = new Handler(scope, boundary.label + 'Int', boundary.function, spec.lambdaJar);
    const target = deadLetters.invoke(handler, boundary.retryAttempts);
    const queue = new sqs.Queue(scope, 'S3EventQueue', {
      queueName: boundary.queueName, retentionPeriod: cdk.Duration.days(4),
      visibilityTimeout: cdk.Duration.seconds(boundary.visibilityTimeoutSeconds),
      encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, removalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    suppress(queue, [{ reason: 'The boundary function drains this queue in bulk on a schedule and logs unreadable '
      + 'messages; no consumer ever gives a message back, so a dead-letter queue would stay empty.',
    id: 'AwsSolutions-SQS3' }]);
    queue.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal('s3.amazonaws.com')], actions: ['sqs:SendMessage'],
      resources: [queue.queueArn], conditions: { ArnLike: { 'aws:SourceArn': arn(boundary.listenedBucketArn) } },
    }));
    const owner = buckets[boundary.listenedBucket];
    owner.queues.push({ Event: 's3:ObjectCreated:*', Queue: queue.queueArn,
      Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: boundary.prefix }] } } });
    owner.bucket.node.defaultChild.addPropertyOverride('NotificationConfiguration.QueueConfigurations', [...owner.queues]);
    owner.bucket.node.addDependency(queue.node.tryFindChild('Policy'));
    queue.grantConsumeMessages(handler.role);
    handler.role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:GetQueueUrl'], resources: [queue.queueArn] }));
    new events.Rule(scope, 'ListenerEvent', {
      ruleName: boundary.ruleName, description: boundary.ruleDescription,
      schedule: events.Schedule.expression(boundary.schedule), enabled: true, targets: [target],
    });
  }
  return stack;
}

// an arc stack at the original's construct paths (ADR-0016): Start/StartFunction, Complete/CompleteFunction,
// Func/<Arc>Func, the states and state machine in <Arc>Orchestration, the rule in <Arc>Listener
function arcStack(app, s) {
  const stack = new cdk.Stack(app, s.name, stackProps(s));
  const start = new Handler(new Construct(stack, 'Start'), 'StartFunction', s.start, spec.lambdaJar);
  const complete = new Handler(new Construct(stack, 'Complete'), 'CompleteFunction', s.complete, spec.lambdaJar);
  const copy = new Handler(new Construct(stack, 'Func'), s.label + 'Func', s.copy, spec.lambdaJar);
  const copyTask = new tasks.LambdaInvoke(stack, 'S3CopyFunction', {
    lambdaFunction: copy.target, payloadResponseOnly: true, retryOnServiceExceptions: true,
    inputPath: '$.arcWorkloadContext', resultPath: '$.sinkManifests',
  });
  const machine = stateMachine(stack, s, start, complete, copyTask);
  const deadLetters = new DeadLetters(stack, 'DeadLetters', s.deadLetterQueue);
  const listener = new Construct(stack, s.label + 'Listener');
  new events.Rule(listener, s.base + 'Rule', {
    ruleName: s.ruleName, description: s.ruleDescription, enabled: true,
    eventBus: events.EventBus.fromEventBusName(stack, 'ArcEventBus', cdk.Fn.importValue(s.eventBusExport)),
    eventPattern: eventPattern(s.eventPattern), targets: [deadLetters.start(machine)],
  });
  return stack;
}

function stateMachine(stack, s, start, complete, task) {
  const orchestration = new Construct(stack, s.label + 'Orchestration');
  const gate = (id, h) => new tasks.LambdaInvoke(stack, id, {
    lambdaFunction: h.target, payloadResponseOnly: true, retryOnServiceExceptions: true,
  });
  const current = new sfn.Pass(orchestration, 'CurrentStateChoice', {
    comment: 'the ArcNotifyEvent in the EventBridge event', outputPath: '$.detail',
  });
  const startInvoke = gate('StartInvoke', start);
  const completeInvoke = gate('CompleteInvoke', complete);
  // each condition built once, as cls does
  const conditions = new Map();
  const once = (key, make) => conditions.get(key) || conditions.set(key, make()).get(key);
  const hasError = () => once('hasError', () => sfn.Condition.isPresent('$.workloadError.Error'));
  const state = (path, value) => once(path + ' ' + value, () => sfn.Condition.and(sfn.Condition.isString(path),
    sfn.Condition.stringEquals(path, value)));
  const stateComplete = new sfn.Choice(orchestration, 'StateComplete')
    .when(sfn.Condition.and(hasError(), state('$.currentState', 'partial')),
      new sfn.Fail(orchestration, 'PartialWithError'))
    .when(sfn.Condition.and(hasError(), state('$.currentState', 'missing')),
      new sfn.Fail(orchestration, 'MissingWithError'))
    .when(hasError(), new sfn.Fail(orchestration, 'UnknownError'))
    .when(state('$.currentState', 'partial'), new sfn.Succeed(orchestration, 'Partial'))
    .when(state('$.currentState', 'missing'), new sfn.Succeed(orchestration, 'Missing'))
    .when(state('$.currentState', 'complete'), new sfn.Succeed(orchestration, 'Complete'))
    .otherwise(new sfn.Fail(orchestration, 'UnknownComplete'));
  const completion = sfn.Chain.start(completeInvoke).next(stateComplete);
  const caught = new sfn.Pass(orchestration, task.id + 'Catch', {
    comment: 'the workload failed; the complete gate records the lot as partial or missing',
  });
  caught.next(completeInvoke);
  task.addCatch(caught, { errors: ['States.ALL'], resultPath: '$.workloadError' });
  const workload = sfn.Chain.start(task).next(completion);
  const stateStart = new sfn.Choice(orchestration, 'StateStart')
    .when(sfn.Condition.isPresent('$.waitingFor'), new sfn.Succeed(orchestration, 'WaitingForSources'))
    .when(state('$.previousState', 'running'), new sfn.Succeed(orchestration, 'AlreadyRunning'))
    .when(sfn.Condition.or(state('$.currentState', 'complete'), state('$.currentState', 'missing')),
      new sfn.Succeed(orchestration, 'AlreadyComplete'))
    .when(state('$.currentState', 'running'), workload)
    .otherwise(new sfn.Fail(orchestration, 'UnknownStart'));
  const logGroup = new logs.LogGroup(orchestration, 'LogGroup' + s.base, {
    logGroupName: s.stateMachineLogGroup, retention: logs.RetentionDays.ONE_MONTH,
    removalPolicy: cdk.RemovalPolicy.DESTROY,
  });
  if (s.retentionDays !== 30) logGroup.node.defaultChild.retentionInDays = s.retentionDays;
  const machine = new sfn.StateMachine(orchestration, s.base, {
    stateMachineName: s.stateMachineName, stateMachineType: sfn.StateMachineType.STANDARD,
    definitionBody: sfn.DefinitionBody.fromChainable(sfn.Chain.start(current).next(startInvoke).next(stateStart)),
    logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: true },
    tracingEnabled: true,
  });
  wildcards(machine, 'CloudWatch Logs delivery and X-Ray actions support no resource-level permissions; Lambda '
    + 'invoke on a function\'s \':*\' covers its published versions only; Step Functions submits Batch jobs by '
    + 'definition revision, which changes with every deploy.',
  ['/^Resource::\\*$/g', '/^Resource::<.+\\.Arn>:\\*$/g',
    '/^Resource::arn:<AWS::Partition>:batch:[^:]+:[^:]+:job-definition\\/\\*$/g']);
  return machine;
}

const app = new cdk.App({
  outdir, analyticsReporting: false, treeMetadata: false,
  context: { ...spec.context, 'aws:cdk:disable-stack-trace': true, 'aws:cdk:disable-creation-stack-traces': true },
});
const stacks = [];
let grouped = null;
for (const s of spec.stacks) {
  if (s.kind === 'grouped') {
    grouped = groupedStack(app, s);
    stacks.push(grouped);
  } else {
    const stack = arcStack(app, s);
    if (grouped) stack.addStackDependency(grouped);
    stacks.push(stack);
  }
}
for (const stack of stacks) {
  const tags = cdk.Tags.of(stack);
  for (const [key, value] of Object.entries(spec.tags)) tags.add(key, value);
  // the declared project name and version cls's deploy records read back from the assembly
  stack.node.addMetadata('cls:project', spec.projectMetadata);
}
app.synth();
