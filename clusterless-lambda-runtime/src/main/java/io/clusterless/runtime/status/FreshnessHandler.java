package io.clusterless.runtime.status;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.clusterless.engine.status.DatasetFreshness;
import io.clusterless.engine.status.FreshnessProps;
import io.clusterless.engine.status.FreshnessWatch;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Lambda entry point of a project's freshness watch, run on a schedule: judges each dataset with targets, announces
 * level changes on the arc bus, and prints one embedded-metric line per dataset, from which CloudWatch makes the
 * metrics the project's freshness alarms watch. Props from {@value FreshnessProps#VARIABLE}. Output: the levels.
 */
public final class FreshnessHandler extends JsonStreamHandler<JsonNode, JsonNode> {
    private final FreshnessProps props;
    private final FreshnessWatch watch;
    private final Clock clock;
    private final PrintStream metrics;

    public FreshnessHandler() {
        this(System.getenv(), AwsClients.fromEnvironment(), Clock.systemUTC(), System.out);
    }

    public FreshnessHandler(Map<String, String> environment, AwsClients clients, Clock clock, PrintStream metrics) {
        super(JsonNode.class);
        this.props = HandlerProps.read(environment, FreshnessProps.VARIABLE, FreshnessProps.class);
        this.watch = new FreshnessWatch(props, new S3ObjectStore(clients.s3()),
                new EventBridgePublisher(clients, props.eventBusName()), clock);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public JsonNode handle(JsonNode scheduledEvent, Context context) {
        Instant now = clock.instant();
        ArrayNode levels = Json.records().createArrayNode();
        for (DatasetFreshness judged : watch.tick()) {
            metrics.println(FreshnessWatch.metricLine(props.project().id(), judged, now));
            levels.addObject()
                    .put("dataset", judged.dataset().datasetName() + "/" + judged.dataset().datasetVersion())
                    .put("level", judged.level().name())
                    .put("lastComplete", judged.lastComplete().map(lot -> lot.format()).orElse(null));
        }
        return levels;
    }
}
