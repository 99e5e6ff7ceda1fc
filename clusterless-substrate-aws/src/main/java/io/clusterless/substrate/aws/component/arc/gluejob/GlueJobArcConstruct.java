package io.clusterless.substrate.aws.component.arc.gluejob;

import io.clusterless.engine.location.S3Location;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.gluejob.GlueJobArc;
import io.clusterless.model.core.arc.gluejob.GlueJobArguments;
import io.clusterless.model.core.arc.gluejob.GlueJobSettings;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.OrderedMaps;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.glue.CfnJob;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.amazon.awscdk.services.stepfunctions.IntegrationPattern;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.GlueStartJobRun;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code aws:core:glueJobArc}: the script as a CDK asset, the Glue job in the arc's stack, and three tasks.
 * {@code PrepareJob} (cls's function) clears the lot's sink folders; {@code RunJob} starts the job run with the Step
 * Functions Glue integration and waits ({@code glue:startJobRun.sync}), passing the lot's context as arguments;
 * {@code JobResult} lists what the run wrote into the sink manifests. A failed run's error message is the task's
 * error, which the complete gate records for cls gaps.
 * <p>
 * One job run per attempt: an attempt is one state machine execution (the start gate lets one execution per lot
 * run the workload), {@code RunJob} retries only Glue's refusal to start a run (then no run exists), and the job's
 * {@code MaxRetries} is 0, so neither Step Functions nor Glue starts a second run for it; the run carries the
 * execution's name as {@code --cls-attempt}.
 */
public final class GlueJobArcConstruct {
    /** What Step Functions calls Glue's refusal of StartJobRun when the job runs maxConcurrentRuns already. */
    static final String CONCURRENT_RUNS_EXCEEDED = "Glue.ConcurrentRunsExceededException";
    private static final LambdaRuntimeProps DEFAULT_PROPS = new LambdaRuntimeProps(512, 2, 5,
            io.clusterless.model.Architecture.ARM_64);

    public List<TaskStateBase> tasks(ArcContext arc) {
        GlueJobArc model = (GlueJobArc) arc.plan().model();
        GlueJobSettings settings = model.getWorkload();
        Construct scope = arc.scope();
        // the arc's versioned name, <STAGE>-<project>-<arc>-<version>, as its state machine's
        String jobName = arc.project().names().arcStateMachine(model.getName());

        Asset script = Asset.Builder.create(scope, "Script").path(script(arc, model).toString()).build();
        Role role = jobRole(arc, model, script);
        CfnJob.Builder job = CfnJob.Builder.create(scope, "Job")
                .name(jobName)
                .description("clusterless glue job of arc " + model.getName())
                .role(role.getRoleArn())
                .command(CfnJob.JobCommandProperty.builder()
                        .name(settings.getJobType())
                        .scriptLocation(script.getS3ObjectUrl())
                        .pythonVersion(settings.pythonShell() ? "3.9" : "3")
                        .build())
                .glueVersion(settings.glueVersionOrDefault())
                .timeout(settings.getTimeoutMin())
                // Glue retrying a failed run would be a second run of the same attempt; cls exec replays instead
                .maxRetries(0)
                .executionProperty(CfnJob.ExecutionPropertyProperty.builder()
                        .maxConcurrentRuns(settings.getMaxConcurrentRuns()).build());
        Map<String, String> defaults = new LinkedHashMap<>();
        if (!settings.pythonShell()) {
            defaults.put("--job-language", "python");
            // bookmarks would skip input a replayed lot must read again; cls tracks what each lot read
            defaults.put("--job-bookmark-option", "job-bookmark-disable");
        }
        defaults.putAll(settings.getArguments() == null ? Map.of() : settings.getArguments());
        if (!defaults.isEmpty()) {
            job.defaultArguments(defaults);
        }
        if (settings.pythonShell()) {
            job.maxCapacity(settings.maxCapacityOrDefault());
        } else {
            job.workerType(settings.workerTypeOrDefault()).numberOfWorkers(settings.numberOfWorkersOrDefault());
        }
        CfnJob glueJob = job.build();
        Nag.suppress(glueJob, "AwsSolutions-GL1", "The job writes its logs to CloudWatch Logs, which encrypts "
                + "every log group at rest; like the project's other log groups they use its key, not a customer key.");
        Nag.suppress(glueJob, "AwsSolutions-GL3", "Job bookmarks are disabled (cls tracks what each lot reads), so "
                + "the job keeps no bookmark data to encrypt.");

        LambdaRuntimeProps runtime = settings.getRuntimeProps() == null ? DEFAULT_PROPS : settings.getRuntimeProps();
        HandlerFunction function = new HandlerFunction(scope, "JobFunction", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), runtime, arc.workloadEnvironment(),
                "clusterless glue job of arc " + model.getName()), arc.project());
        // reads the lot's manifest, lists and clears the lot's folders under the sinks, writes the sink manifests
        arc.grantReadSources(function.policy(), false);
        arc.grantWriteSinks(function.policy(), true);

        LambdaInvoke prepare = LambdaInvoke.Builder.create(scope, "PrepareJob")
                .lambdaFunction(function.target())
                .payload(TaskInput.fromObject(OrderedMaps.of("step", "prepare",
                        "context", JsonPath.objectAt("$.arcWorkloadContext"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.glueJob")
                .build();
        GlueStartJobRun run = GlueStartJobRun.Builder.create(scope, "RunJob")
                .glueJobName(glueJob.getRef())
                .integrationPattern(IntegrationPattern.RUN_JOB)
                .arguments(TaskInput.fromObject(arguments(arc, model)))
                .resultSelector(OrderedMaps.of("Id", JsonPath.stringAt("$.Id"),
                        "JobRunState", JsonPath.stringAt("$.JobRunState"),
                        "ExecutionTime", JsonPath.numberAt("$.ExecutionTime")))
                .resultPath("$.glueResult")
                .build();
        // Glue refused to start the run (the job's maxConcurrentRuns are running): no run exists, so starting again
        // is still the attempt's one run. Any other error, a failed run's included, is not retried.
        run.addRetry(RetryProps.builder().errors(List.of(CONCURRENT_RUNS_EXCEEDED)).interval(Duration.seconds(60))
                .backoffRate(2).maxAttempts(5).build());
        LambdaInvoke result = LambdaInvoke.Builder.create(scope, "JobResult")
                .lambdaFunction(function.target())
                .payload(TaskInput.fromObject(OrderedMaps.of("step", "result",
                        "context", JsonPath.objectAt("$.arcWorkloadContext"),
                        "glue", JsonPath.objectAt("$.glueResult"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.sinkManifests")
                .build();
        return List.of(prepare, run, result);
    }

    /** The run's arguments, in {@link io.clusterless.engine.workload.gluejob.GlueJobWorkload#arguments}'s order. */
    private static Map<String, Object> arguments(ArcContext arc, GlueJobArc model) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String lot = "$.arcWorkloadContext.arcNotifyEvent.lot";
        arguments.put(GlueJobArguments.LOT, JsonPath.stringAt(lot));
        arguments.put(GlueJobArguments.ARC_PROPS, HandlerFunction.compactJson(arc.workloadPropsJson()));
        arguments.put(GlueJobArguments.SOURCE_ROLE, JsonPath.stringAt("$.arcWorkloadContext.role"));
        arguments.put(GlueJobArguments.SOURCE_MANIFEST, JsonPath.stringAt("$.arcWorkloadContext.arcNotifyEvent.manifest"));
        arguments.put(GlueJobArguments.ATTEMPT, JsonPath.stringAt("$$.Execution.Name"));
        for (Map.Entry<String, SinkDataset> sink : model.getSinks().entrySet()) {
            // '{' and '}' cannot occur in an S3 URI cls validates, so the format string holds one placeholder
            arguments.put(GlueJobArguments.sink(sink.getKey()), JsonPath.format(
                    sink.getValue().getPathURI() + "lot={}/", JsonPath.stringAt(lot)));
        }
        return arguments;
    }

    /**
     * The job's role: the script, the sources' manifests and objects, write under the sinks' paths (not their
     * manifests, which cls writes), its logs and metrics.
     */
    private static Role jobRole(ArcContext arc, GlueJobArc model, Asset script) {
        Role role = Role.Builder.create(arc.scope(), "JobRole")
                .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
                .description("the Glue job of arc " + model.getName())
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject"))
                .resources(List.of(Access.bucketArn(script.getS3BucketName()) + "/" + script.getS3ObjectKey()))
                .build());
        arc.grantReadSources(Grantee.of(role), true);
        for (SinkDataset sink : model.getSinks().values()) {
            S3Location location = S3Location.parse(sink.getPathURI());
            Access.readWrite(Grantee.of(role), location.bucket(), location.prefix());
        }
        Access.allowObjectWildcards(Grantee.of(role));
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of("arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                        + ":log-group:/aws-glue/*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", "Glue")))
                .build());
        Nag.suppressWildcards(role, "Glue names the job's log groups (/aws-glue/jobs/…, /aws-glue/python-jobs/…) "
                + "and streams (per job run) itself; cloudwatch:PutMetricData supports no resource-level "
                + "permission and is held to Glue's namespace.", "/^Resource::\\*$/g",
                "/^Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:\\/aws-glue\\/\\*$/g");
        return role;
    }

    /** scriptPath beside the project file. */
    private static Path script(ArcContext arc, GlueJobArc model) {
        String scriptPath = model.getWorkload().getScriptPath();
        Path file = arc.project().baseDir().resolve(scriptPath == null ? "" : scriptPath).normalize();
        if (scriptPath == null || !Files.isRegularFile(file)) {
            throw new ConstructException(arc.project().display() + ": arc '" + model.getName() + "': scriptPath '"
                    + scriptPath + "' is not a file (looked at " + file + "); run cls validate");
        }
        return file;
    }
}
