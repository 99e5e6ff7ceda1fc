package io.clusterless.engine.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.boundary.LotAssigner;
import io.clusterless.engine.boundary.LotAssignmentException;
import io.clusterless.engine.boundary.ObjectCreatedEvent;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.model.SourceDataset;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which lots the events waiting in a project's dead-letter queues were for. The grouped stack's queue holds the
 * events its rules could not deliver (the event itself, with EventBridge's {@code RULE_ARN}/{@code ERROR_CODE}
 * attributes) and the failure records of the functions they invoke (Lambda's {@code requestContext} and
 * {@code requestPayload}); an arc stack's queue holds the arc notifications its listener could not start the state
 * machine for. A frequent boundary's scheduled event closes the interval before its time; an infrequent boundary's
 * S3 event is given its lot as the boundary gives it. Each queue is peeked once, and its messages are given their
 * lots once per arc or boundary (an infrequent boundary with {@code objectModifiedTime} HEADs each object once).
 */
final class DeadLetteredEvents {
    private final DeadLetters source;
    private final ObjectStore store;
    private final Map<String, List<DeadLetter>> queues = new HashMap<>();
    private final Map<String, Map<String, String>> lotsByComponent = new HashMap<>();

    DeadLetteredEvents(DeadLetters source, ObjectStore store) {
        this.source = source;
        this.store = store;
    }

    /** An arc notification for {@code lot} of a subscribed source that the arc's listener could not deliver. */
    Optional<String> arcLot(ProjectPlan project, ArcPlan arc, LotId lot) {
        String key = "arc " + project.names().arcDeadLetterQueue(arc.name());
        return Optional.ofNullable(lotsByComponent.computeIfAbsent(key, k -> arcLots(project, arc)).get(lot.format()));
    }

    /** An event of the boundary, for {@code lot}, that it failed on or was never given. */
    Optional<String> boundaryLot(ProjectPlan project, BoundaryPlan boundary, LotId lot) {
        String key = "boundary " + boundary.functionName();
        return Optional.ofNullable(lotsByComponent.computeIfAbsent(key, k -> boundaryLots(project, boundary))
                .get(lot.format()));
    }

    /** The first dead letter of each lot, described. */
    private Map<String, String> arcLots(ProjectPlan project, ArcPlan arc) {
        Map<String, String> lots = new HashMap<>();
        Set<String> subscribed = arc.model().getSources().values().stream().filter(SourceDataset::isSubscribe)
                .map(SourceDataset::id).collect(Collectors.toSet());
        String queue = project.names().arcDeadLetterQueue(arc.name());
        for (DeadLetter letter : letters(queue)) {
            Failed failed = Failed.of(letter);
            if (failed == null) {
                continue;
            }
            JsonNode detail = failed.event().path("detail");
            if (ArcNotifyEvent.SOURCE.equals(failed.event().path("source").asText())
                    && subscribed.contains(detail.path("datasetId").asText())) {
                lots.putIfAbsent(detail.path("lot").asText(), describe(letter, failed,
                        "the arc notification of dataset " + detail.path("datasetId").asText()));
            }
        }
        return lots;
    }

    private Map<String, String> boundaryLots(ProjectPlan project, BoundaryPlan boundary) {
        Map<String, String> lots = new HashMap<>();
        for (DeadLetter letter : letters(project.names().deadLetterQueue())) {
            Failed failed = Failed.of(letter);
            if (failed == null || !failed.from(boundary)) {
                continue;
            }
            Optional<Lost> lost = boundary.frequent() ? scheduled(boundary, failed.event())
                    : objectCreated(boundary, failed.event());
            lost.ifPresent(l -> lots.putIfAbsent(l.lot().format(), describe(letter, failed, l.what())));
        }
        return lots;
    }

    /** The lot an event was for, and what it was. */
    private record Lost(LotId lot, String what) {
    }

    private Optional<Lost> scheduled(BoundaryPlan boundary, JsonNode event) {
        boolean ours = false;
        for (JsonNode resource : event.path("resources")) {
            ours |= resource.asText().endsWith("/" + boundary.ruleName());
        }
        Instant time = instant(event.path("time").asText());
        if (!ours || time == null) {
            return Optional.empty();
        }
        return Optional.of(new Lost(LotId.of(boundary.props().lotUnit(), time).previous(),
                "the scheduled event that closes the lot"));
    }

    private Optional<Lost> objectCreated(BoundaryPlan boundary, JsonNode event) {
        if (!"aws.s3".equals(event.path("source").asText())) {
            return Optional.empty();
        }
        ObjectCreatedEvent created;
        try {
            created = ObjectCreatedEvent.of(event);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!boundary.props().location().contains(new S3ObjectId(created.bucket(), created.key()))) {
            return Optional.empty();
        }
        LotId assigned;
        try {
            assigned = LotAssigner.of(boundary.props().lotUnit(), boundary.props().lotSource(),
                    boundary.props().keyRegex()).assign(created.key(), created.time(),
                    () -> store.head(created.bucket(), created.key()).map(ObjectInfo::lastModified));
        } catch (LotAssignmentException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new Lost(assigned, "the arrival of " + created.uri()));
    }

    private List<DeadLetter> letters(String queue) {
        return queues.computeIfAbsent(queue, source::peek);
    }

    private static String describe(DeadLetter letter, Failed failed, String what) {
        return what + (failed.time() == null ? "" : " (event time " + failed.time() + ")")
                + " waits in dead-letter queue " + letter.queue() + " since " + letter.sent() + ": " + failed.why();
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The event a dead letter holds, why it failed, and where from when the letter says: the function (Lambda's
     * record) or the rule (EventBridge's {@code RULE_ARN}); null when it does not.
     */
    private record Failed(JsonNode event, Instant time, String why, String function, String rule) {
        /** Whether the letter may be the boundary's: the grouped queue is shared by the project's functions. */
        boolean from(BoundaryPlan boundary) {
            if (function != null) {
                return function.endsWith(":function:" + boundary.functionName())
                        || function.contains(":function:" + boundary.functionName() + ":");
            }
            return rule == null || rule.endsWith("/" + boundary.ruleName());
        }

        static Failed of(DeadLetter letter) {
            JsonNode body;
            try {
                body = Json.records().readTree(letter.body());
            } catch (IOException e) {
                return null;
            }
            if (body == null || !body.isObject()) {
                return null;
            }
            if (body.has("requestContext") && body.has("requestPayload")) {
                JsonNode context = body.path("requestContext");
                JsonNode response = body.path("responsePayload");
                String error = response.path("errorType").asText("") + (response.has("errorMessage")
                        ? ": " + response.path("errorMessage").asText() : "");
                JsonNode event = body.path("requestPayload");
                return new Failed(event, instant(event.path("time").asText()), "the function failed ("
                        + context.path("condition").asText("unknown") + " after "
                        + context.path("approximateInvokeCount").asText("?") + " attempts"
                        + (error.isBlank() ? "" : "; " + error) + ")",
                        context.path("functionArn").asText(null), null);
            }
            Map<String, String> attributes = letter.attributes();
            String code = attributes.getOrDefault("ERROR_CODE", "unknown error");
            String message = attributes.get("ERROR_MESSAGE");
            return new Failed(body, instant(body.path("time").asText()), "the rule could not deliver it ("
                    + code + (message == null ? "" : ": " + message) + ")", null, attributes.get("RULE_ARN"));
        }
    }
}
