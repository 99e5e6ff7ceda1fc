package io.clusterless.runtime.arc;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Lambda entry point of the arc start gate: input the ArcNotifyEvent ({@code $.detail} of the EventBridge event),
 * output the ArcStateContext. Props from env {@code CLS_ARC_STATE_PROPS_JSON} (see {@link ArcGateProps}).
 * <p>
 * A roll-up with {@code lateAfter} also gets its late ticks (ADR-0012): {@code {"lateTick": "<time>"}}, the
 * {@code $.detail} its schedule rule sends with the rule's firing time; the gate looks at the lot whose deadline
 * last passed at that time ({@link ArcStartGate#dueAt}).
 */
public final class ArcStartHandler extends JsonStreamHandler<JsonNode, ArcStateContext> {
    /** The field of a late tick's input: the schedule rule's firing time, ISO-8601. */
    public static final String LATE_TICK = "lateTick";

    private final ArcStartGate gate;
    private final ArcGateProps props;

    public ArcStartHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    ArcStartHandler(Map<String, String> environment, AwsClients clients) {
        super(JsonNode.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = ArcHandlerProps.fromEnvironment(environment);
        this.gate = new ArcStartGate(props, AwsClients.join(s3), Clock.systemUTC());
    }

    @Override
    public ArcStateContext handle(JsonNode input, Context context) {
        if (input != null && input.has(LATE_TICK)) {
            if (!props.rollsUp() || props.rollUp().lateAfter() == null) {
                throw new IllegalArgumentException("arc " + props.arc().name() + " was given a late tick, but it is "
                        + "not a roll-up with lateAfter");
            }
            Instant tick;
            try {
                tick = Instant.parse(input.get(LATE_TICK).asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("late tick time is not an ISO-8601 instant: " + input, e);
            }
            return gate.startDue(ArcStartGate.dueAt(props.rollUp(), tick).format());
        }
        try {
            return gate.start(Json.records().treeToValue(input, ArcNotifyEvent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an arc notification: " + e.getOriginalMessage(), e);
        }
    }
}
