package io.clusterless.runtime.workload.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.workload.function.FunctionContract;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry point of cls's side of a lambdaExecArc on AWS, called twice per lot by the arc's state machine, around
 * the user's function: {@code step=event} returns the function's event, {@code step=result} takes what the function
 * returned and writes the sink manifests (output sink role → manifest URI, as every workload returns). Props from
 * {@code CLS_ARC_PROPS_JSON}; project and arc from {@code CLS_PROJECT_NAME}, {@code CLS_PROJECT_VERSION},
 * {@code CLS_ARC_NAME}.
 */
public final class FunctionContractHandler extends JsonStreamHandler<FunctionContractHandler.Request, Object> {
    public static final String PROJECT_NAME_VARIABLE = "CLS_PROJECT_NAME";
    public static final String PROJECT_VERSION_VARIABLE = "CLS_PROJECT_VERSION";
    public static final String ARC_NAME_VARIABLE = "CLS_ARC_NAME";

    /**
     * @param step    {@code event} or {@code result}
     * @param context the lot's workload context
     * @param result  the function's return value ({@code step=result})
     */
    public record Request(String step, ArcWorkloadContext context, JsonNode result) {
    }

    private final ArcProps props;
    private final ProjectId project;
    private final String arc;
    private final FunctionContract contract;

    public FunctionContractHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public FunctionContractHandler(Map<String, String> environment, AwsClients clients) {
        super(Request.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        this.project = new ProjectId(required(environment, PROJECT_NAME_VARIABLE),
                required(environment, PROJECT_VERSION_VARIABLE));
        this.arc = required(environment, ARC_NAME_VARIABLE);
        this.contract = new FunctionContract(AwsClients.join(s3));
    }

    @Override
    public Object handle(Request request, Context context) {
        String attempt = AttemptIds.of(context);
        if ("event".equals(request.step())) {
            return contract.event(project, arc, request.context(), props, attempt);
        }
        if ("result".equals(request.step())) {
            // the state machine passes the function's Payload, which Lambda gives as JSON text or a tree
            JsonNode result = request.result();
            if (result != null && result.isTextual()) {
                try {
                    result = Json.records().readTree(result.asText());
                } catch (java.io.IOException e) {
                    // a string result: refused by the contract with its own message
                }
            }
            return contract.complete(result, request.context(), props, attempt);
        }
        throw new IllegalArgumentException("step must be event or result, found: " + request.step());
    }

    private static String required(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; redeploy the arc");
        }
        return value;
    }
}
