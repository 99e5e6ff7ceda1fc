package io.clusterless.runtime.workload.athena;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.engine.workload.athena.AthenaQueryWorkload;
import io.clusterless.engine.workload.athena.UnloadStatement;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry point of the athenaQueryArc, on either side of the state machine's Athena task:
 * {@code step=prepare} expands the lot's SELECT, clears the lot's folder and returns the UNLOAD statement (Athena's
 * UNLOAD fails on a folder that holds objects); {@code step=result} lists what UNLOAD wrote and writes the sink
 * manifest, noting the bytes Athena scanned. A lot whose sink manifest exists already (a duplicate run) is left as
 * it is: prepare returns a statement that writes nothing, and result returns that manifest.
 */
public final class AthenaQueryHandler extends JsonStreamHandler<AthenaQueryHandler.Request, Object> {
    /** Run for a lot that is finished already: Athena needs a statement, and this one reads and writes nothing. */
    static final String NOTHING = "SELECT 1";

    /**
     * @param step    {@code prepare} or {@code result}
     * @param context the arc's workload context
     * @param athena  the Athena task's output ({@code step=result}), for the scanned bytes
     */
    public record Request(String step, ArcWorkloadContext context, JsonNode athena) {
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
            return workload.finish(lot, AttemptIds.of(context), scanned(request.athena()));
        }
        throw new IllegalArgumentException("step must be prepare or result, found: " + request.step());
    }

    private static String scanned(JsonNode athena) {
        JsonNode bytes = athena == null ? null : athena.at("/QueryExecution/Statistics/DataScannedInBytes");
        return bytes == null || bytes.isMissingNode() || bytes.isNull() ? null
                : "Athena scanned " + bytes.asLong() + " bytes";
    }
}
