package io.clusterless.runtime.arc;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.arc.ScheduleTick;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.JsonStreamHandler;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry point of the arc start gate: input the ArcNotifyEvent ({@code $.detail} of the EventBridge event), or
 * for a scheduled arc the {@link ScheduleTick} its schedule rule writes there (ADR-0013); output the
 * ArcStateContext. Props from env {@code CLS_ARC_STATE_PROPS_JSON} (see {@link ArcGateProps}); a scheduled arc's
 * gate also has {@value #TICK_LOT_UNIT_VARIABLE}, the unit of the lots its ticks run.
 * <p>
 * A roll-up with {@code lateAfter} also gets its late ticks (ADR-0012): {@code {"lateTick": "<time>"}}, the
 * {@code $.detail} its schedule rule sends with the rule's firing time; the gate looks at the lot whose deadline
 * last passed at that time ({@link ArcStartGate#dueAt}).
 */
public final class ArcStartHandler extends JsonStreamHandler<JsonNode, ArcStateContext> {
    /** The field of a late tick's input: the schedule rule's firing time, ISO-8601. */
    public static final String LATE_TICK = "lateTick";
    public static final String TICK_LOT_UNIT_VARIABLE = ScheduleTick.LOT_UNIT_VARIABLE;

    private final ArcStartGate gate;
    private final ArcGateProps props;
    private final Optional<LotUnit> tickUnit;

    public ArcStartHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    ArcStartHandler(Map<String, String> environment, AwsClients clients) {
        super(JsonNode.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = ArcHandlerProps.fromEnvironment(environment);
        String unit = environment.get(TICK_LOT_UNIT_VARIABLE);
        this.tickUnit = unit == null || unit.isBlank() ? Optional.empty() : Optional.of(LotUnit.parse(unit));
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
        Optional<ScheduleTick> tick = ScheduleTick.in(input);
        if (tick.isPresent()) {
            LotUnit unit = tickUnit.orElseThrow(() -> new IllegalArgumentException("this arc has no schedule ("
                    + TICK_LOT_UNIT_VARIABLE + " is not set), so it cannot run a tick: " + input));
            return gate.tick(tick.get().time(), unit);
        }
        try {
            return gate.start(Json.records().treeToValue(input, ArcNotifyEvent.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the start gate's input is neither an ArcNotifyEvent nor a schedule "
                    + "tick: " + e.getOriginalMessage(), e);
        }
    }
}
