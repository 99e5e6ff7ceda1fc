package io.clusterless.runtime.workload.athena;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.engine.workload.athena.AthenaQueryWorkload;
import io.clusterless.engine.workload.athena.UnloadStatement;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.event.WorkloadMetrics;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry point of the athenaQueryArc, on either side of the state machine's Athena task:
 * {@code step=prepare} expands the lot's SELECT, clears the lot's folder and returns the UNLOAD statement (Athena's
 * UNLOAD fails on a folder that holds objects); {@code step=result} lists what UNLOAD wrote and writes the sink
 * manifest, noting the bytes Athena scanned. A lot whose sink manifest exists already (a duplicate run) is left as
 * it is: prepare returns a statement that writes nothing, and result returns that manifest.
 * <p>
 * {@code step=result} is given the whole state document ({@code state}) and returns it with {@code sinkManifests}
 * and {@code workloadMetrics} ({@code athenaScannedBytes}, when the Athena task's output has it) set, so the complete
 * gate records Athena's scanned bytes with the run's end (ADR-0003). A request without {@code state} (from a state
 * machine deployed before) gets the sink manifests alone, as before.
 */
public final class AthenaQueryHandler extends JsonStreamHandler<AthenaQueryHandler.Request, Object> {
    /** Run for a lot that is finished already: Athena needs a statement, and this one reads and writes nothing. */
    static final String NOTHING = "SELECT 1";
    /** Where the state machine puts the Athena task's output in the state document. */
    public static final String ATHENA_RESULT = "athenaResult";

    /**
     * @param step    {@code prepare} or {@code result}
     * @param context the arc's workload context ({@code step=prepare}, and {@code step=result} without a state)
     * @param athena  the Athena task's output ({@code step=result} without a state), for the scanned bytes
     * @param state   the state machine's document ({@code step=result}): the context is its
     *                {@code arcWorkloadContext}, the Athena task's output its {@code athenaResult}
     */
    public record Request(String step, ArcWorkloadContext context, JsonNode athena, ObjectNode state) {
        public Request(String step, ArcWorkloadContext context, JsonNode athena) {
            this(step, context, athena, null);
        }
    }

    private final ArcProps props;
    private final AthenaQueryProps query;
    private final AthenaQueryWorkload workload;

    public AthenaQueryHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public AthenaQueryHandler(Map<String, String> environment, AwsClients clients) {
        super(Request.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        this.query = AthenaQueryProps.from(props.workloadProps());
        this.workload = new AthenaQueryWorkload(AwsClients.join(s3));
    }

    @Override
    public Object handle(Request request, Context context) {
        if ("result".equals(request.step()) && request.state() != null) {
            return result(request.state(), context);
        }
        AthenaQueryWorkload.LotQuery lot = workload.prepare(request.context(), props, query);
        if ("prepare".equals(request.step())) {
            Map<String, Object> prepared = new LinkedHashMap<>();
            if (lot.finished().isPresent()) {
                prepared.put("statement", NOTHING);
                prepared.put("finished", lot.finished().get().identifier());
            } else {
                workload.clear(lot.target());
                prepared.put("statement", UnloadStatement.of(lot.select(), lot.target().toString(), query));
            }
            return prepared;
        }
        if ("result".equals(request.step())) {
            return finish(lot, request.athena(), context);
        }
        throw new IllegalArgumentException("step must be prepare or result, found: " + request.step());
    }

    /** The state document with the lot's sink manifests and Athena's scanned bytes. */
    private ObjectNode result(ObjectNode state, Context context) {
        ArcWorkloadContext workloadContext;
        try {
            workloadContext = Json.records().treeToValue(state.path("arcWorkloadContext"), ArcWorkloadContext.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the state's arcWorkloadContext cannot be read: " + e.getOriginalMessage());
        }
        JsonNode athena = state.path(ATHENA_RESULT);
        Map<String, String> manifests = finish(workload.prepare(workloadContext, props, query), athena, context);
        ObjectNode result = state.deepCopy();
        result.set("sinkManifests", Json.records().valueToTree(manifests));
        scanned(athena).ifPresent(bytes -> result.putObject("workloadMetrics")
                .put(WorkloadMetrics.ATHENA_SCANNED_BYTES, bytes));
        return result;
    }

    private Map<String, String> finish(AthenaQueryWorkload.LotQuery lot, JsonNode athena, Context context) {
        return workload.finish(lot, AttemptIds.of(context),
                scanned(athena).map(bytes -> "Athena scanned " + bytes + " bytes").orElse(null));
    }

    /** {@code QueryExecution.Statistics.DataScannedInBytes} of the Athena task's output, when it has one. */
    static Optional<Long> scanned(JsonNode athena) {
        JsonNode bytes = athena == null ? null : athena.at("/QueryExecution/Statistics/DataScannedInBytes");
        return bytes == null || !bytes.isIntegralNumber() ? Optional.empty() : Optional.of(bytes.asLong());
    }
}
