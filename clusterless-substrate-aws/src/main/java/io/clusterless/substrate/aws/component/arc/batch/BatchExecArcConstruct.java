package io.clusterless.substrate.aws.component.arc.batch;

import io.clusterless.engine.arc.CoveredManifests;
import io.clusterless.model.BatchRuntimeProps;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.arc.batch.BatchExecSettings;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.substrate.aws.construct.OrderedMaps;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.LogGroups;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.naming.Label;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.services.batch.CfnJobDefinition;
import software.amazon.awscdk.services.batch.CfnJobQueue;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ecr.assets.NetworkMode;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.BatchContainerOverrides;
import software.amazon.awscdk.services.stepfunctions.tasks.BatchSubmitJob;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code aws:core:batchExecArc} (reference §3.7): the container image built from {@code imagePath}, a Fargate job
 * definition and queue on the referenced compute environment, and two tasks: {@code BatchSubmit} runs the job and
 * waits, {@code BatchResults} (a Lambda) reads the manifests the container wrote.
 */
public final class BatchExecArcConstruct {
    /** Fargate's smallest vCPU setting and the memory sizes (MB) each setting accepts at most. */
    private static final double[] VCPUS = {0.25, 0.5, 1, 2, 4, 8, 16};
    private static final int[] MAX_MEMORY = {2048, 4096, 8192, 16384, 30720, 61440, 122880};
    /** Where the container finds the prefix its CloudWatch alarm names must start with. */
    public static final String ALARM_PREFIX_VARIABLE = "CLS_ALARM_NAME_PREFIX";
    /**
     * The image a job definition names when image assets are off (an emulator has no registry to push to): a
     * reference no registry serves, so a job that runs anyway fails visibly instead of running someone's image.
     */
    /** The original's model class of this arc type, the stem of its construct id. */
    private static final String ORIGINAL_MODEL_CLASS = "BatchExecArc";
    public static final String UNPUSHED_IMAGE = "cls-image-not-pushed/";

    static String alarmArn(String name) {
        return "arn:" + Aws.PARTITION + ":cloudwatch:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":alarm:" + name;
    }

    public List<TaskStateBase> tasks(ArcContext arc) {
        BatchExecArc model = (BatchExecArc) arc.plan().model();
        BatchExecSettings workload = model.getWorkload();
        Construct scope = arc.scope();
        String jobName = arc.project().names().batchJob(model.getName());
        BatchRuntimeProps runtime = workload.getBatchRuntimeProps();
        boolean arm = runtime.getArchitecture() == io.clusterless.model.Architecture.ARM_64;

        Path imageDir = imageDirectory(arc, model, workload.getImagePath());
        DockerImageAsset image = !arc.project().options().imageAssets() ? null
                : DockerImageAsset.Builder.create(scope, "Image")
                .directory(imageDir.toString())
                .platform(arm ? Platform.LINUX_ARM64 : Platform.LINUX_AMD64)
                .networkMode(NetworkMode.HOST)
                .build();

        // the job's fixed-name log group, definition and queue sit where the original's are (ADR-0016)
        Construct original = new Construct(scope, OriginalIds.resource(ORIGINAL_MODEL_CLASS, model.getName()));
        LogGroup logs = LogGroups.create(original, OriginalIds.logGroup(Label.upperCamel(model.getName())),
                arc.project().names().batchLogGroup(model.getName()),
                arc.project().logRetentionDays());

        Role jobRole = Role.Builder.create(scope, "JobRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("the container of arc " + model.getName())
                .build();
        // Reference §3.7 gives the container metrics and alarms; nothing of clusterless uses them, the user's
        // program may. Metrics name no resource; alarms only under the arc's prefix, handed to the container, so
        // a container can neither silence nor rewrite another arc's (or anyone's) alarms.
        jobRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .build());
        String alarmPrefix = arc.project().names().arcAlarmPrefix(model.getName());
        jobRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricAlarm", "cloudwatch:SetAlarmState"))
                .resources(List.of(alarmArn(alarmPrefix) + "*"))
                .build());
        arc.grantReadSources(Grantee.of(jobRole), true);
        arc.grantWriteSinks(Grantee.of(jobRole), true);
        boolean coversLots = arc.plan().gateProps().coversLots();
        if (coversLots) { // a roll-up's container reads the start gate's document of the run's covered manifests
            Access.read(Grantee.of(jobRole), arc.manifestBucket(),
                    arc.plan().gateProps().arcStateURI().coveredManifestsKeyPath());
        }
        Nag.suppressWildcards(jobRole, "cloudwatch:PutMetricData supports no resource-level permission.",
                "/^Resource::\\*$/g");
        Nag.suppressWildcards(jobRole, "The container names its alarms at run time, under the arc's own prefix "
                + "(" + ALARM_PREFIX_VARIABLE + ").", "/^Resource::arn:<AWS::Partition>:cloudwatch:<AWS::Region>:"
                + "<AWS::AccountId>:alarm:[^*]+\\/\\*$/g");

        Role executionRole = Role.Builder.create(scope, "JobExecutionRole")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .description("pulls the image and writes the logs of arc " + model.getName())
                .build();
        if (image != null) {
            executionRole.addToPolicy(PolicyStatement.Builder.create()
                    // ECR issues registry tokens for the whole account: the action has no resource to name
                    .actions(List.of("ecr:GetAuthorizationToken")).resources(List.of("*")).build());
            executionRole.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
                            "ecr:BatchGetImage"))
                    .resources(List.of(image.getRepository().getRepositoryArn()))
                    .build());
            Nag.suppressWildcards(executionRole, "ecr:GetAuthorizationToken supports no resource-level permission.",
                    "/^Resource::\\*$/g");
        }
        executionRole.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn()))
                .build());

        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> command = new ArrayList<>();
        for (String argument : workload.getCommand()) {
            if (argument.startsWith("$")) {
                String parameter = "param_" + parameters.size();
                parameters.put(parameter, JsonPath.stringAt(argument));
                command.add("Ref::" + parameter);
            } else {
                command.add(argument);
            }
        }
        List<Object> environment = new ArrayList<>();
        environment.add(CfnJobDefinition.EnvironmentProperty.builder()
                .name(ArcContext.WORKLOAD_PROPS_VARIABLE).value(HandlerFunction.compactJson(arc.workloadPropsJson())).build());
        environment.add(CfnJobDefinition.EnvironmentProperty.builder()
                .name(ALARM_PREFIX_VARIABLE).value(alarmPrefix).build());
        workload.getEnvironment().forEach((name, value) ->
                environment.add(CfnJobDefinition.EnvironmentProperty.builder().name(name).value(value).build()));

        CfnJobDefinition definition = CfnJobDefinition.Builder.create(new Construct(original, "JobDef"), "Resource")
                .jobDefinitionName(jobName)
                .type("container")
                .platformCapabilities(List.of("FARGATE"))
                .retryStrategy(CfnJobDefinition.RetryStrategyProperty.builder()
                        .attempts(Math.max(1, Math.min(10, runtime.getRetryAttempts() + 1))).build())
                .timeout(CfnJobDefinition.TimeoutProperty.builder()
                        .attemptDurationSeconds(Math.max(60, runtime.getTimeoutMin() * 60)).build())
                .containerProperties(CfnJobDefinition.ContainerPropertiesProperty.builder()
                        .image(image == null ? UNPUSHED_IMAGE + jobName.toLowerCase(Locale.ROOT)
                                : image.getImageUri())
                        .command(command.isEmpty() ? null : command)
                        .environment(environment)
                        .jobRoleArn(jobRole.getRoleArn())
                        .executionRoleArn(executionRole.getRoleArn())
                        .resourceRequirements(List.of(
                                CfnJobDefinition.ResourceRequirementProperty.builder().type("VCPU")
                                        .value(vcpus(runtime.getMemorySizeMB())).build(),
                                CfnJobDefinition.ResourceRequirementProperty.builder().type("MEMORY")
                                        .value(Integer.toString(runtime.getMemorySizeMB())).build()))
                        .networkConfiguration(CfnJobDefinition.NetworkConfigurationProperty.builder()
                                .assignPublicIp("ENABLED").build())
                        .runtimePlatform(CfnJobDefinition.RuntimePlatformProperty.builder()
                                .cpuArchitecture(arm ? "ARM64" : "X86_64").operatingSystemFamily("LINUX").build())
                        .logConfiguration(CfnJobDefinition.LogConfigurationProperty.builder()
                                .logDriver("awslogs")
                                .options(OrderedMaps.of("awslogs-group", logs.getLogGroupName(),
                                        "awslogs-region", Aws.REGION,
                                        "awslogs-stream-prefix", "fargate"))
                                .build())
                        .build())
                .build();

        String computeEnvironment = arc.project().resolve("arc '" + model.getName() + "'", "computeEnvironmentRef",
                workload.getComputeEnvironmentRef(), ComputeResource.TYPE,
                component -> Fn.importValue(arc.project().exportRef("arn", component)));
        CfnJobQueue queue = CfnJobQueue.Builder.create(new Construct(original, "JobQueue"), "Resource")
                .jobQueueName(jobName)
                .priority(1)
                .state("ENABLED")
                .computeEnvironmentOrder(List.of(CfnJobQueue.ComputeEnvironmentOrderProperty.builder()
                        .order(1).computeEnvironment(computeEnvironment).build()))
                .build();

        BatchSubmitJob.Builder submit = BatchSubmitJob.Builder.create(scope, "BatchSubmit")
                .jobName(jobName)
                .jobDefinitionArn(definition.getRef())
                .jobQueueArn(queue.getRef())
                .inputPath("$.arcWorkloadContext")
                .resultPath("$.workloadResponse");
        if (!parameters.isEmpty()) {
            submit.payload(TaskInput.fromObject(parameters));
        }
        if (coversLots) {
            // every run the start gate starts carries it; one URI whatever the number of covered lots (ADR-0012)
            submit.containerOverrides(BatchContainerOverrides.builder()
                    .environment(Map.of(CoveredManifests.VARIABLE, JsonPath.stringAt("$.coveredManifestsURI")))
                    .build());
        }
        BatchSubmitJob submitJob = submit.build();

        HandlerFunction results = arc.originalWorkloadFunction("Result", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), workload.getLambdaRuntimeProps(),
                arc.workloadEnvironment(), "clusterless batch results of arc " + model.getName()));
        arc.grantReadSources(results.policy(), false);
        arc.grantWriteSinks(results.policy(), false);
        return List.of(submitJob, arc.workloadTask("BatchResults", results));
    }

    /**
     * {@code imagePath} relative to the project file's directory; files written for the original resolve it against
     * the working directory, which is the fallback when the first does not exist.
     */
    private static Path imageDirectory(ArcContext arc, BatchExecArc model, String imagePath) {
        Path besideFile = arc.project().baseDir().resolve(imagePath).normalize();
        if (Files.isDirectory(besideFile)) {
            return besideFile;
        }
        Path inWorkingDir = Path.of(imagePath).toAbsolutePath().normalize();
        if (Files.isDirectory(inWorkingDir)) {
            return inWorkingDir;
        }
        throw new ConstructException(arc.project().display() + ": arc '" + model.getName() + "': imagePath '"
                + imagePath + "' is not a directory (looked in " + besideFile
                + (inWorkingDir.equals(besideFile) ? "" : " and " + inWorkingDir) + ")");
    }

    /** The smallest Fargate vCPU setting that accepts {@code memoryMB}. */
    static String vcpus(int memoryMB) {
        for (int i = 0; i < VCPUS.length; i++) {
            if (memoryMB <= MAX_MEMORY[i]) {
                double vcpu = VCPUS[i];
                return vcpu == Math.floor(vcpu) ? Integer.toString((int) vcpu) : Double.toString(vcpu);
            }
        }
        return "16";
    }
}
