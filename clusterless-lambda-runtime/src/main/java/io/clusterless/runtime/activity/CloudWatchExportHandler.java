package io.clusterless.runtime.activity;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.activity.CloudWatchExportActivity;
import io.clusterless.engine.activity.CloudWatchExportProps;
import io.clusterless.engine.activity.ExportStarted;
import io.clusterless.engine.activity.ExportWindow;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.CloudWatchLogsExporter;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Lambda entry point of the cloudWatchExport activity: input the EventBridge scheduled event (its {@code time}
 * decides the window), output the started task ({@code taskId}, {@code taskName}, {@code lot}, {@code from},
 * {@code to} as ISO instants, {@code attempts}). Props from {@code CLS_CLOUD_WATCH_EXPORT_ACTIVITY_PROPS_JSON}.
 */
public final class CloudWatchExportHandler extends JsonStreamHandler<JsonNode, JsonNode> {
    public static final String PROPS_VARIABLE = CloudWatchExportProps.VARIABLE;

    private final CloudWatchExportActivity activity;

    public CloudWatchExportHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public CloudWatchExportHandler(Map<String, String> environment, AwsClients clients) {
        super(JsonNode.class);
        this.activity = new CloudWatchExportActivity(
                HandlerProps.read(environment, PROPS_VARIABLE, CloudWatchExportProps.class),
                new CloudWatchLogsExporter(clients));
    }

    @Override
    public JsonNode handle(JsonNode scheduledEvent, Context context) {
        String time = scheduledEvent.path("time").asText(null);
        Instant eventTime;
        try {
            eventTime = time == null ? Instant.now() : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduled event time is not an ISO-8601 instant: " + time, e);
        }
        Duration remaining = context == null ? activity.configuredTimeout()
                : Duration.ofMillis(context.getRemainingTimeInMillis());
        ExportStarted started = activity.run(eventTime, remaining);
        ExportWindow window = started.window();
        return Json.records().createObjectNode()
                .put("taskId", started.taskId())
                .put("taskName", window.taskName())
                .put("lot", window.lot().format())
                .put("from", window.from().toString())
                .put("to", window.to().toString())
                .put("attempts", started.attempts());
    }
}
