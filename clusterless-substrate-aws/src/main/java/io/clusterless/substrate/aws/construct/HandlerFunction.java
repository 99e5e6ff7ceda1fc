package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.substrate.aws.iam.Grantee;
import io.clusterless.substrate.aws.iam.Statement;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runtime handler deployed as a Lambda function: the shaded runtime jar as code, Java 21, SnapStart on published
 * versions (callers target {@link #target()}, the published version, so invocations restore from the snapshot;
 * without SnapStart, for stand-ins such as moto that cannot resolve versions, the function itself), an
 * explicit log group keeping the placement's {@code logRetentionDays} (no log-retention custom resource) and a
 * role that may write only to that group.
 * <p>
 * Built either in a construct of its own ({@code <id>/Function}, {@code <id>/Logs}, {@code <id>/Role}) or, where a
 * deploy over the original's stacks must find the function and its log group under the original's logical ids
 * (ADR-0016), directly in a given scope at the original's construct ids ({@link #inOriginalLayout}).
 */
public final class HandlerFunction {
    private static final ObjectMapper COMPACT = new ObjectMapper();
    /** Lambda's limit on all environment variables of a function, names and values together. */
    static final int ENVIRONMENT_LIMIT = 4096;

    private final Function function;
    private final IFunction target;
    private final RolePolicy policy;

    /** What one function runs and with which settings. */
    public record Spec(String functionName, String handlerClass, LambdaRuntimeProps runtime,
                       Map<String, String> environment, String description) {
    }

    /** Construct ids of the function, its log group (below {@code logScope} when that is not null) and its role. */
    private record Ids(String function, String logScope, String logs, String role) {
    }

    /** The function, its log group and role in a construct {@code id} of their own. */
    public HandlerFunction(Construct scope, String id, Spec spec, ProjectScope project) {
        this(new Construct(scope, id), new Ids("Function", null, "Logs", "Role"), spec, project);
    }

    /**
     * The function directly in {@code scope} as {@code functionId}, its log group at the original's
     * {@code LambdaLogGroup<functionId>/LogGroup<functionId>}, and its role (which has no fixed name) beside it as
     * {@code <functionId>Role}.
     */
    public static HandlerFunction inOriginalLayout(Construct scope, String functionId, Spec spec,
                                                   ProjectScope project) {
        return new HandlerFunction(scope, new Ids(functionId, OriginalIds.lambdaLogGroupScope(functionId),
                OriginalIds.logGroup(functionId), functionId + "Role"), spec, project);
    }

    private HandlerFunction(Construct scope, Ids ids, Spec spec, ProjectScope project) {
        boolean snapStart = project.options().snapStart();
        Construct logScope = ids.logScope() == null ? scope : new Construct(scope, ids.logScope());
        LogGroup logGroup = LogGroups.create(logScope, ids.logs(), project.names().lambdaLogGroup(spec.functionName()),
                project.logRetentionDays());
        Role role = Role.Builder.create(scope, ids.role())
                .assumedBy(BridgeValues.servicePrincipal("lambda.amazonaws.com"))
                .description("runs " + spec.functionName())
                .build();
        policy = project.rolePolicy(role);
        // instead of the AWSLambdaBasicExecutionRole managed policy, which allows every log group in the account
        policy.allow(Statement.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logGroup.getLogGroupArn())));
        Map<String, String> environment = compact(spec.environment());
        int size = environment.entrySet().stream()
                .mapToInt(e -> e.getKey().length() + e.getValue().getBytes(StandardCharsets.UTF_8).length).sum();
        if (size > ENVIRONMENT_LIMIT) {
            throw new ConstructException("function " + spec.functionName() + ": its props take " + size + " bytes of "
                    + "environment, Lambda allows " + ENVIRONMENT_LIMIT + "; fewer sources, sinks or filter patterns "
                    + "make them smaller");
        }
        LambdaRuntimeProps runtime = spec.runtime();
        boolean acknowledged = snapStart && project.acknowledgeSnapStartWarning();
        function = LambdaFunctions.create(scope, ids.function(), project.lambdaCode(), spec.handlerClass(),
                LambdaFunctions.java21(), runtime.getArchitecture(), snapStart, FunctionOptions.builder()
                        .functionName(spec.functionName())
                        .description(spec.description())
                        .memorySize(runtime.getMemorySizeMB())
                        .timeout(BridgeValues.minutes(runtime.getTimeoutMin()))
                        .environment(environment)
                        .role(role)
                        .logGroup(logGroup)
                        .build());
        if (snapStart) {
            target = new NodeFunction(WireValues.get(function, "currentVersion"));
            if (!acknowledged) {
                TagsAndAnnotations.acknowledgeWarning(function, ProjectScope.SNAP_START_WARNING,
                        ProjectScope.SNAP_START_ACKNOWLEDGEMENT);
            }
        } else {
            target = function;
        }
        Nag.suppress(function, "AwsSolutions-L1", "The handlers are built and tested for Java 21, the newest Java "
                + "runtime with SnapStart that the runtime module targets.");
    }

    /**
     * Props documents are pretty-printed for people reading them in files; in the environment every byte counts
     * (Lambda allows 4 KB of variables in all), so JSON values are written compactly.
     */
    static Map<String, String> compact(Map<String, String> environment) {
        Map<String, String> compact = new LinkedHashMap<>();
        environment.forEach((name, value) -> compact.put(name, compactJson(value)));
        return compact;
    }

    public static String compactJson(String value) {
        if (value == null || !value.stripLeading().startsWith("{")) {
            return value;
        }
        try {
            return COMPACT.writeValueAsString(COMPACT.readTree(value));
        } catch (JsonProcessingException e) {
            return value;
        }
    }

    /**
     * Asynchronous invocations (by rules) of {@link #target()}: retried {@code retryAttempts} times within
     * {@code maxEventAge}, then the event and the error are sent to {@code deadLetters}, not dropped.
     */
    void failTo(IQueue deadLetters, int retryAttempts, Duration maxEventAge) {
        policy.handOver(); // the destination grants the role sending to the queue
        target.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                .onFailure(new SqsDestination(deadLetters))
                .retryAttempts(retryAttempts)
                .maxEventAge(maxEventAge)
                .build());
    }

    public Function function() {
        return function;
    }

    /** The published version: what rules and state machines invoke, so SnapStart applies. */
    public IFunction target() {
        return target;
    }

    /** The role's statements and wildcard suppressions, written in one go with the others (RolePolicy). */
    public Grantee policy() {
        return policy;
    }

    /** The role, for CDK's grants: its policy then holds every statement given so far. */
    public IGrantable grantee() {
        return policy.handOver();
    }

    /** The role, for CDK's grants and suppressions: its policy then holds every statement given so far. */
    public Role role() {
        return policy.handOver();
    }
}
