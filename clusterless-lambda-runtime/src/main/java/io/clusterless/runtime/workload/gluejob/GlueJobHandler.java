package io.clusterless.runtime.workload.gluejob;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.gluejob.GlueJobWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda entry point of the glueJobArc, on either side of the state machine's Glue task: {@code step=prepare} clears
 * the lot's sink folders (a replayed lot replaces its objects); {@code step=result} lists what the job run wrote and
 * writes the sink manifests, noting the run's id and execution time. A role whose lot has its final manifest already
 * keeps it.
 */
public final class GlueJobHandler extends JsonStreamHandler<GlueJobHandler.Request, Object> {
    /**
     * @param step    {@code prepare} or {@code result}
     * @param context the arc's workload context
     * @param glue    the Glue task's output ({@code step=result}): the job run
     */
    public record Request(String step, ArcWorkloadContext context, JsonNode glue) {
    }

    private final ArcProps props;
    private final GlueJobWorkload workload;

    public GlueJobHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public GlueJobHandler(Map<String, String> environment, AwsClients clients) {
        super(Request.class);
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        this.workload = new GlueJobWorkload(AwsClients.join(clients.s3StoreInBackground()));
    }

    @Override
    public Object handle(Request request, Context context) {
        GlueJobWorkload.JobLot job = workload.prepare(request.context(), props);
        if ("prepare".equals(request.step())) {
            Map<String, Object> prepared = new LinkedHashMap<>();
            prepared.put("lot", job.lot());
            prepared.put("cleared", workload.clear(job));
            return prepared;
        }
        if ("result".equals(request.step())) {
            return workload.finish(job, AttemptIds.of(context), note(request.glue()));
        }
        throw new IllegalArgumentException("step must be prepare or result, found: " + request.step());
    }

    private static String note(JsonNode glue) {
        String id = glue == null ? "" : glue.path("Id").asText("");
        if (id.isEmpty()) {
            return null;
        }
        JsonNode seconds = glue.path("ExecutionTime");
        return "Glue job run " + id + (seconds.isNumber() ? " ran " + seconds.asLong() + " s" : "");
    }
}
