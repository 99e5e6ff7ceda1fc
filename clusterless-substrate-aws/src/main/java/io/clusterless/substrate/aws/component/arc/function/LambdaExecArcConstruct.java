package io.clusterless.substrate.aws.component.arc.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.construct.BridgeValues;
import io.clusterless.engine.location.S3Location;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.function.FunctionRuntime;
import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.model.core.arc.function.LambdaExecSettings;
import io.clusterless.runtime.workload.function.FunctionContractHandler;
import io.clusterless.substrate.aws.construct.OrderedMaps;
import io.clusterless.substrate.aws.construct.ArcContext;
import io.clusterless.substrate.aws.construct.ConstructException;
import io.clusterless.substrate.aws.construct.HandlerFunction;
import io.clusterless.substrate.aws.construct.LambdaFunctions;
import io.clusterless.substrate.aws.construct.LogGroups;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionOptions;
import software.amazon.awscdk.services.lambda.RuntimeFamily;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.stepfunctions.JsonPath;
import software.amazon.awscdk.services.stepfunctions.RetryProps;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.TaskStateBase;
import software.amazon.awscdk.services.stepfunctions.tasks.LambdaInvoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code aws:core:lambdaExecArc} (docs/function-contract.md): the user's code as a function of its own
 * ({@code …-func-…}, the folder or archive zipped as a CDK asset, no Docker), between two calls of cls's contract
 * function ({@code …-result-…}): {@code FunctionEvent} builds the event from the incoming manifest, {@code Function}
 * runs the user's handler with the configured retries, {@code FunctionResult} checks what it returned and writes the
 * sink manifests. The user's function may read its sources' objects and write under its sinks' paths, nothing else.
 */
public final class LambdaExecArcConstruct {
    /** cls's own side of the contract is small; these props are not the user's to set. */
    private static final LambdaRuntimeProps CONTRACT_PROPS = new LambdaRuntimeProps(512, 0, 5,
            io.clusterless.model.Architecture.ARM_64);

    public List<TaskStateBase> tasks(ArcContext arc) {
        LambdaExecArc model = (LambdaExecArc) arc.plan().model();
        LambdaExecSettings workload = model.getWorkload();
        String name = model.getName();
        FunctionRuntime runtime = workload.functionRuntime().orElseThrow(() -> new ConstructException("arc '" + name
                + "': runtime \"" + workload.getRuntime() + "\" is not supported; use one of "
                + FunctionRuntime.allIds()));

        Map<String, String> contractEnvironment = new LinkedHashMap<>(arc.workloadEnvironment());
        contractEnvironment.put(FunctionContractHandler.PROJECT_NAME_VARIABLE, arc.project().names().project());
        contractEnvironment.put(FunctionContractHandler.PROJECT_VERSION_VARIABLE, arc.project().names().version());
        contractEnvironment.put(FunctionContractHandler.ARC_NAME_VARIABLE, name);
        HandlerFunction contract = new HandlerFunction(arc.scope(), "Contract", new HandlerFunction.Spec(
                arc.plan().workloadFunction(), arc.plan().workloadHandler(), CONTRACT_PROPS, contractEnvironment,
                "clusterless function contract of arc " + name),
                arc.project());
        // reads the incoming manifest, writes the sink manifests, and checks (HEAD) the objects the function returned
        arc.grantReadSources(contract.policy(), false);
        arc.grantWriteSinks(contract.policy(), false);
        sinkLocations(arc).forEach(location -> Access.read(contract.policy(), location.bucket(), location.prefix()));

        Function function = userFunction(arc, model, workload, runtime);

        LambdaInvoke event = LambdaInvoke.Builder.create(arc.scope(), "FunctionEvent")
                .lambdaFunction(contract.target())
                .payload(TaskInput.fromObject(OrderedMaps.<Object>of("step", "event",
                        "context", JsonPath.objectAt("$.arcWorkloadContext"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.functionEvent")
                .build();
        LambdaInvoke invoke = LambdaInvoke.Builder.create(arc.scope(), "Function")
                .lambdaFunction(function)
                .inputPath("$.functionEvent")
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.functionResult")
                .build();
        int retries = workload.getRuntimeProps().getRetryAttempts();
        if (retries > 0) {
            // the function's own errors and timeouts, as configured; throttling is retried above
            invoke.addRetry(RetryProps.builder().errors(List.of("States.ALL")).maxAttempts(retries)
                    .interval(Duration.seconds(2)).backoffRate(2).build());
        }
        LambdaInvoke result = LambdaInvoke.Builder.create(arc.scope(), "FunctionResult")
                .lambdaFunction(contract.target())
                .payload(TaskInput.fromObject(OrderedMaps.<Object>of("step", "result",
                        "context", JsonPath.objectAt("$.arcWorkloadContext"),
                        "result", JsonPath.objectAt("$.functionResult"))))
                .payloadResponseOnly(true)
                .retryOnServiceExceptions(true)
                .resultPath("$.sinkManifests")
                .build();
        return List.of(event, invoke, result);
    }

    private static Function userFunction(ArcContext arc, LambdaExecArc model, LambdaExecSettings workload,
                                         FunctionRuntime runtime) {
        String functionName = arc.project().names().lambdaFunction(model.getName(), "func");
        // kept as long as the placement's other log groups (placement.logRetentionDays)
        LogGroup logGroup = LogGroups.create(arc.scope(), "FunctionLogs",
                arc.project().names().lambdaLogGroup(functionName), arc.project().logRetentionDays());
        Role role = Role.Builder.create(arc.scope(), "FunctionRole")
                .assumedBy(BridgeValues.servicePrincipal("lambda.amazonaws.com"))
                .description("runs " + functionName)
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build());
        // the objects of its sources, and its sinks' paths: no manifest, no arc state, nothing else
        for (Map.Entry<String, SourceDataset> source : model.getSources().entrySet()) {
            Optional<SinkDataset> owner = arc.plan().sourceOwners().getOrDefault(source.getKey(), Optional.empty());
            owner.filter(sink -> sink.getPathURI().startsWith("s3://")).map(sink -> S3Location.parse(sink.getPathURI()))
                    .ifPresent(location -> Access.read(Grantee.of(role), location.bucket(), location.prefix()));
        }
        sinkLocations(arc).forEach(location -> Access.readWrite(Grantee.of(role), location.bucket(), location.prefix()));
        Access.allowObjectWildcards(Grantee.of(role));
        LambdaRuntimeProps props = workload.getRuntimeProps();
        Function function = LambdaFunctions.create(arc.scope(), "UserFunction",
                LambdaFunctions.assetCode(code(arc, model, workload).toString()), workload.getHandler(),
                lambdaRuntime(runtime), props.getArchitecture(), false, FunctionOptions.builder()
                        .functionName(functionName)
                        .description("function " + workload.getHandler() + " of arc " + model.getName())
                        .memorySize(props.getMemorySizeMB())
                        .timeout(BridgeValues.minutes(props.getTimeoutMin()))
                        .environment(workload.getEnvironment())
                        .role(role)
                        .logGroup(logGroup)
                        // retries belong to the state machine (retryAttempts); asynchronous retries would run a lot twice
                        .retryAttempts(0)
                        .build());
        Nag.suppress(function, "AwsSolutions-L1", "The project file chooses the function's runtime "
                + "(workload.runtime); cls deploys the one it names.");
        return function;
    }

    static JsonNode lambdaRuntime(FunctionRuntime runtime) {
        RuntimeFamily family = switch (runtime.language()) {
            case PYTHON -> RuntimeFamily.PYTHON;
            case NODE -> RuntimeFamily.NODEJS;
            case JAVA -> RuntimeFamily.JAVA;
        };
        return LambdaFunctions.runtime(runtime.id(), family);
    }

    /** {@code codePath} beside the project file, as validate checked it. */
    private static Path code(ArcContext arc, LambdaExecArc model, LambdaExecSettings workload) {
        Path base = arc.project().baseDir().toAbsolutePath().normalize();
        Path code = base.resolve(String.valueOf(workload.getCodePath())).normalize();
        if (!code.startsWith(base) || !Files.exists(code)) {
            throw new ConstructException(arc.project().display() + ": arc '" + model.getName() + "': codePath '"
                    + workload.getCodePath() + "' is not " + (code.startsWith(base) ? "there (looked at " + code + ")"
                    : "inside the project folder " + base) + "; run cls validate");
        }
        return code;
    }

    private static List<S3Location> sinkLocations(ArcContext arc) {
        return arc.plan().model().getSinks().values().stream()
                .filter(sink -> sink.getPathURI() != null && sink.getPathURI().startsWith("s3://"))
                .map(sink -> S3Location.parse(sink.getPathURI()))
                .toList();
    }
}
