package io.clusterless.substrate.aws.component.arc.sagemaker;

import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.workload.sagemaker.SageMakerJobName;
import io.clusterless.engine.workload.sagemaker.SageMakerJobProps;
import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.json.Json;
import io.clusterless.model.Arc;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.arc.sagemaker.SageMakerJobSettings;
import io.clusterless.model.core.arc.sagemaker.SageMakerTrainingSettings;
import io.clusterless.runtime.workload.sagemaker.SageMakerJobRunningException;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.OrderedMaps;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.nag.Suppression;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ecr.assets.NetworkMode;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.stepfunctions.CatchProps;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws:core:sageMakerProcessingArc} and {@code aws:core:sageMakerTrainingArc}: three tasks. {@code PrepareJob}
 * (cls's function) names the lot's job, writes its input manifest files and empties the sinks' lot folders;
 * {@code RunJob} starts the job with the Step Functions SageMaker integration and waits for it
 * ({@code create...Job.sync}; no job for a lot without objects, {@link SageMakerSyncTask}); {@code JobResult} (cls's function) looks the job up by name, waits while it runs and
 * writes the sink manifests once it completed, or fails the lot with SageMaker's reason. {@code RunJob}'s failures go
 * to {@code JobResult} as well: a retried start that SageMaker refuses because the job exists then waits for that job.
 * The job runs with its own execution role (source objects and input files read, sink folders written, the image
 * pulled, its logs written); the state machine may pass only that role, and start, describe and stop only the arc's
 * jobs.
 */
public final class SageMakerJobConstruct {
    /** cls's function reads manifests, writes small files and lists the sink folders. */
    private static final LambdaRuntimeProps FUNCTION_PROPS = new LambdaRuntimeProps(512, 2, 5,
            io.clusterless.model.Architecture.ARM_64);
    private static final Pattern ECR_IMAGE = Pattern.compile(
            "(\\d{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?:[:@].*)?");

    private final SageMakerLayout.Kind kind;

    public SageMakerJobConstruct(SageMakerLayout.Kind kind) {
        this.kind = kind;
    }

    private boolean training() {
        return kind == SageMakerLayout.Kind.training;
    }

    /** {@code Processing} or {@code Training}, as SageMaker's action and resource names spell it. */
    private String kindName() {
        return training() ? "Training" : "Processing";
    }

    public List<TaskStateBase> tasks(ArcContext arc) {
        Arc<?> model = arc.plan().model();
        SageMakerJobSettings workload = (SageMakerJobSettings) model.getWorkload();
        String project = arc.project().names().project();
        String version = arc.project().names().version();
        String jobPrefix = SageMakerJobName.arcPrefix(project, version, model.getName());
        S3Location inputs = new S3Location(arc.manifestBucket(), "sagemaker-inputs/project=" + project + "/version="
                + version + "/arc=" + model.getName() + "/");
        SageMakerJobProps props = new SageMakerJobProps(kind, project, version, model.getName(), inputs.toString());

        Image image = image(arc, model.getName(), workload);
        Role jobRole = jobRole(arc, model, image, inputs);
        HandlerFunction function = function(arc, model.getName(), props, inputs, jobPrefix);

        LambdaInvoke prepare = LambdaInvoke.Builder.create(arc.scope(), "PrepareJob")
                .lambdaFunction(function.target())
                .payload(TaskInput.fromObject(OrderedMaps.of("step", "prepare",
                        "context", JsonPath.objectAt("$.arcWorkloadContext"),
                        "attempt", JsonPath.stringAt("$.arcAttempt"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.sageMakerJob")
                .build();
        SageMakerSyncTask run = new SageMakerSyncTask(arc.scope(), "RunJob", "create" + kindName() + "Job",
                "$.sageMakerJob.jobs", request(workload, image.uri(), jobRole.getRoleArn(),
                arc.plan().model().getSources().keySet()), taskPolicies(jobRole, jobPrefix));
        // the state machine and its role are built after this by the arc stack: the suppression is the stack's
        Nag.suppressStack(Stack.of(arc.scope()), List.of(new Suppression(Nag.IAM5, "The state machine starts, "
                + "describes and stops the arc's SageMaker jobs, named per lot and run at run time under the arc's "
                + "own prefix.", List.of("/^Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:"
                + "(processing|training)-job\\/[^*]+-\\*$/g"))));
        // a start refused for a transient reason is tried again under the same name; SageMaker refuses it if the
        // first one got through, and JobResult then waits for that job
        run.addRetry(RetryProps.builder().errors(List.of("SageMaker.AmazonSageMakerException"))
                .interval(Duration.seconds(5)).maxAttempts(2).backoffRate(2).build());
        LambdaInvoke result = LambdaInvoke.Builder.create(arc.scope(), "JobResult")
                .lambdaFunction(function.target())
                .payload(TaskInput.fromObject(resultPayload()))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.sinkManifests")
                .build();
        // a job the state machine did not wait for itself: look again every minute for as long as it may run
        result.addRetry(RetryProps.builder().errors(List.of(SageMakerJobRunningException.class.getName()))
                .interval(Duration.minutes(1)).backoffRate(1).maxAttempts(workload.getMaxRuntimeMin() + 10).build());
        // before the arc stack's catch of every error: whatever ended the start, JobResult looks at the job itself
        run.addCatch(result, CatchProps.builder().errors(List.of("States.TaskFailed"))
                .resultPath("$.sageMakerJob.error").build());
        return List.of(prepare, run, result);
    }

    private static Map<String, Object> resultPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("step", "result");
        payload.put("context", JsonPath.objectAt("$.arcWorkloadContext"));
        payload.put("attempt", JsonPath.stringAt("$.arcAttempt"));
        payload.put("job", JsonPath.objectAt("$.sageMakerJob"));
        return payload;
    }

    /** The container image and, for one in ECR, its repository's ARN. */
    private record Image(String uri, Optional<String> repositoryArn) {
    }

    private static Image image(ArcContext arc, String arcName, SageMakerJobSettings workload) {
        if (workload.getImagePath() != null) {
            Path folder = arc.project().baseDir().resolve(workload.getImagePath()).normalize();
            if (!Files.isDirectory(folder)) {
                throw new ConstructException(arc.project().display() + ": arc '" + arcName + "': imagePath '"
                        + workload.getImagePath() + "' is not a directory (looked in " + folder + ")");
            }
            DockerImageAsset asset = DockerImageAsset.Builder.create(arc.scope(), "Image")
                    .directory(folder.toString())
                    .platform(Platform.LINUX_AMD64)
                    .networkMode(NetworkMode.HOST)
                    .build();
            return new Image(asset.getImageUri(), Optional.of(asset.getRepository().getRepositoryArn()));
        }
        Matcher ecr = ECR_IMAGE.matcher(workload.getImageUri());
        return new Image(workload.getImageUri(), ecr.matches() ? Optional.of("arn:" + Aws.PARTITION + ":ecr:"
                + ecr.group(2) + ":" + ecr.group(1) + ":repository/" + ecr.group(3)) : Optional.empty());
    }

    /** The job's execution role: what the container and SageMaker's copying on its behalf need, nothing else. */
    private Role jobRole(ArcContext arc, Arc<?> model, Image image, S3Location inputs) {
        Role role = Role.Builder.create(arc.scope(), "JobRole")
                .assumedBy(new ServicePrincipal("sagemaker.amazonaws.com"))
                .description("the SageMaker " + kind + " jobs of arc " + model.getName())
                .build();
        // the objects of each source's lots, and the manifest files that list them
        arc.plan().sourceOwners().forEach((sourceRole, owner) -> owner.map(SinkDataset::getPathURI)
                .filter(path -> path.startsWith("s3://")).map(S3Location::parse)
                .ifPresent(location -> Access.read(Grantee.of(role), location.bucket(), location.prefix())));
        Access.read(Grantee.of(role), inputs.bucket(), inputs.prefix());
        // SageMaker uploads the job's output into the sinks' folders; cls's function lists and clears them
        for (SinkDataset sink : model.getSinks().values()) {
            S3Location location = S3Location.parse(sink.getPathURI());
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("s3:PutObject", "s3:AbortMultipartUpload"))
                    .resources(List.of(Access.objectsArn(location.bucket(), location.prefix())))
                    .build());
        }
        Access.allowObjectWildcards(Grantee.of(role));
        image.repositoryArn().ifPresent(repository -> {
            role.addToPolicy(PolicyStatement.Builder.create()
                    // ECR issues registry tokens for the whole account: the action has no resource to name
                    .actions(List.of("ecr:GetAuthorizationToken")).resources(List.of("*")).build());
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                            "ecr:BatchGetImage"))
                    .resources(List.of(repository)).build());
        });
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                        "logs:DescribeLogStreams"))
                .resources(List.of("arn:" + Aws.PARTITION + ":logs:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                        + ":log-group:/aws/sagemaker/" + kindName() + "Jobs:*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData")).resources(List.of("*")).build());
        Nag.suppressWildcards(role, "ecr:GetAuthorizationToken and cloudwatch:PutMetricData support no "
                + "resource-level permission; SageMaker names each job's log streams in its own log group at run "
                + "time.", "/^Resource::\\*$/g", "/^Resource::arn:<AWS::Partition>:logs:<AWS::Region>:"
                + "<AWS::AccountId>:log-group:\\/aws\\/sagemaker\\/(Processing|Training)Jobs:\\*$/g");
        return role;
    }

    private static HandlerFunction function(ArcContext arc, String arcName, SageMakerJobProps props, S3Location inputs,
                                            String jobPrefix) {
        ArcProps planned = arc.plan().workloadProps();
        ArcProps withJob = new ArcProps(planned.sources(), planned.sinks(), planned.sourceManifestPaths(),
                planned.sinkManifestTemplates(), props.toTree());
        String json;
        try {
            json = Json.records().writeValueAsString(withJob);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write arc props", e);
        }
        HandlerFunction function = new HandlerFunction(arc.scope(), "JobFunction", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), FUNCTION_PROPS,
                Map.of(ArcContext.WORKLOAD_PROPS_VARIABLE, json), "clusterless SageMaker " + props.kind()
                + " job of arc " + arcName), arc.project());
        // reads the source manifests, writes the sink manifests and clears the sinks' lot folders
        arc.grantReadSources(function.policy(), false);
        arc.grantWriteSinks(function.policy(), true);
        Access.readWrite(function.policy(), inputs.bucket(), inputs.prefix());
        String type = props.kind() == SageMakerLayout.Kind.training ? "Training" : "Processing";
        function.policy().allow(Statement.allow(List.of("sagemaker:Describe" + type + "Job"),
                List.of(jobArn(props.kind(), jobPrefix))));
        function.policy().suppressWildcards("The arc's jobs are named per lot and run at run time, under the "
                + "arc's own prefix.", "/^Resource::arn:<AWS::Partition>:sagemaker:<AWS::Region>:<AWS::AccountId>:"
                + "(processing|training)-job\\/[^*]+-\\*$/g");
        return function;
    }

    /** Every job of the arc: SageMaker's ARNs hold the name in lower case, as cls names them. */
    private static String jobArn(SageMakerLayout.Kind kind, String jobPrefix) {
        return "arn:" + Aws.PARTITION + ":sagemaker:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":" + kind + "-job/"
                + jobPrefix + "-*";
    }

    /**
     * What the state machine's role needs for {@code create...Job.sync}: the arc's jobs, passing the job's role to
     * SageMaker only, and the EventBridge rule through which Step Functions learns that a job ended.
     */
    private List<PolicyStatement> taskPolicies(Role jobRole, String jobPrefix) {
        String type = kindName();
        return List.of(
                PolicyStatement.Builder.create()
                        .actions(List.of("sagemaker:Create" + type + "Job", "sagemaker:Describe" + type + "Job",
                                "sagemaker:Stop" + type + "Job", "sagemaker:AddTags", "sagemaker:ListTags"))
                        .resources(List.of(jobArn(kind, jobPrefix))).build(),
                PolicyStatement.Builder.create()
                        .actions(List.of("iam:PassRole"))
                        .resources(List.of(jobRole.getRoleArn()))
                        .conditions(Map.of("StringEquals", Map.of("iam:PassedToService", "sagemaker.amazonaws.com")))
                        .build(),
                PolicyStatement.Builder.create()
                        .actions(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"))
                        .resources(List.of("arn:" + Aws.PARTITION + ":events:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                                + ":rule/StepFunctionsGetEventsForSageMaker" + type + "JobsRule"))
                        .build());
    }

    /** The create request: fixed here, the lot's part ({@code .$}) from one of PrepareJob's {@code jobs}. */
    private Map<String, Object> request(SageMakerJobSettings workload, String imageUri, String roleArn,
                                        java.util.Set<String> sourceRoles) {
        Map<String, Object> environment = new LinkedHashMap<>(workload.getEnvironment());
        environment.putAll(SageMakerLayout.aws(kind).variables(sourceRoles));
        environment.put(SageMakerLayout.LOT, JsonPath.stringAt("$.lot"));
        environment.put(SageMakerLayout.JOB_NAME, JsonPath.stringAt("$.jobName"));
        Map<String, Object> resources = OrderedMaps.of("InstanceCount", workload.getInstanceCount(),
                "InstanceType", workload.getInstanceType(), "VolumeSizeInGB", workload.getVolumeSizeGB());
        Map<String, Object> stopping = Map.of("MaxRuntimeInSeconds", workload.getMaxRuntimeMin() * 60);
        Map<String, Object> request = new LinkedHashMap<>();
        if (!training()) {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("ImageUri", imageUri);
            if (!workload.getCommand().isEmpty()) {
                app.put("ContainerEntrypoint", workload.getCommand());
            }
            request.put("ProcessingJobName", JsonPath.stringAt("$.jobName"));
            request.put("AppSpecification", app);
            request.put("ProcessingInputs", JsonPath.listAt("$.processingInputs"));
            request.put("ProcessingOutputConfig", JsonPath.objectAt("$.processingOutputConfig"));
            request.put("ProcessingResources", Map.of("ClusterConfig", resources));
        } else {
            Map<String, Object> algorithm = new LinkedHashMap<>();
            algorithm.put("TrainingImage", imageUri);
            algorithm.put("TrainingInputMode", "File");
            if (!workload.getCommand().isEmpty()) {
                algorithm.put("ContainerEntrypoint", workload.getCommand());
            }
            request.put("TrainingJobName", JsonPath.stringAt("$.jobName"));
            request.put("AlgorithmSpecification", algorithm);
            request.put("InputDataConfig", JsonPath.listAt("$.inputDataConfig"));
            request.put("OutputDataConfig", JsonPath.objectAt("$.outputDataConfig"));
            request.put("ResourceConfig", resources);
            Map<String, String> hyperParameters = ((SageMakerTrainingSettings) workload).getHyperParameters();
            if (hyperParameters != null && !hyperParameters.isEmpty()) {
                request.put("HyperParameters", new LinkedHashMap<>(hyperParameters));
            }
        }
        request.put("StoppingCondition", stopping);
        request.put("Environment", environment);
        request.put("RoleArn", roleArn);
        return request;
    }
}
