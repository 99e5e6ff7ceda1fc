package io.clusterless.engine.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arc.ArcStateProps;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.uri.ArcStateURI;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the arc start and complete gates are told: the arc's {@link ArcStateProps} plus the two things the gates need
 * beyond them. In JSON (env {@code CLS_ARC_STATE_PROPS_JSON}) it is one flat document: the arc state props' fields
 * and, next to them, {@code sinkManifestTemplates}, {@code runningTimeout}, {@code barrier}, {@code rollUp} and {@code tickRollUp}, so readers of plain
 * {@link ArcStateProps} still read it.
 *
 * @param arc                   the arc, its datasets, state path template and event bus
 * @param sinkManifestTemplates sink role → manifest template ({@code …/lot={lot}/state={state}{/attempt*}/manifest.json});
 *                              the start gate lists a retried lot's partial manifests with it; never null
 * @param runningTimeout        how long a run may hold a lot: a {@code running} state older than this is stale and the
 *                              next event for the lot may run it again; should exceed the workload's own timeout
 * @param barrier               a join (ADR-0011): subscribed source role → its manifest template; a lot starts only
 *                              once each holds a {@code complete} or {@code empty} manifest for it. Empty: the lot
 *                              starts on the first source lot that arrives. Never null. For a roll-up it names
 *                              every subscribed source, whose lots inside the arc's lot are awaited.
 * @param rollUp                a roll-up (ADR-0012): the arc's own lot unit, its {@code lateAfter} and each barrier
 *                              role's lot unit; null for arcs that keep their sources' lots
 * @param tickRollUp            a scheduled roll-up (ADR-0012, ADR-0013): a scheduled arc some of whose sources have
 *                              finer lots than its ticks' lot; each tick's lot covers, per source role (every source,
 *                              with its unit), the source lots inside it, and runs with those there are. Its
 *                              {@code lateAfter} is null. Null for other arcs.
 */
public record ArcGateProps(ArcStateProps arc, Map<String, String> sinkManifestTemplates, Duration runningTimeout,
                           Map<String, String> barrier, RollUp rollUp, RollUp tickRollUp) {
    /** When the deployment does not say; longer than any Lambda workload (15 minutes) with room for retries. */
    public static final Duration DEFAULT_RUNNING_TIMEOUT = Duration.ofHours(1);

    public ArcGateProps {
        Objects.requireNonNull(arc, "arc state props are required");
        sinkManifestTemplates = sinkManifestTemplates == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(sinkManifestTemplates));
        runningTimeout = runningTimeout == null ? DEFAULT_RUNNING_TIMEOUT : runningTimeout;
        barrier = barrier == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(barrier));
        barrier.keySet().stream().filter(role -> !arc.sources().containsKey(role)).findFirst().ifPresent(role -> {
            throw new IllegalArgumentException("barrier role '" + role + "' is not a source of arc " + arc.name());
        });
        if (runningTimeout.isNegative() || runningTimeout.isZero()) {
            throw new IllegalArgumentException("runningTimeout must be positive, found: " + runningTimeout);
        }
        if (rollUp != null) {
            Map<String, String> awaited = barrier;
            rollUp.sourceUnits().forEach((role, unit) -> {
                if (!awaited.containsKey(role)) {
                    throw new IllegalArgumentException("roll-up source role '" + role + "' is not in the barrier of "
                            + "arc " + arc.name());
                }
                if (!unit.divides(rollUp.lotUnit())) {
                    throw new IllegalArgumentException("arc " + arc.name() + " rolls up into "
                            + rollUp.lotUnit().displayName() + ", which source role '" + role + "' ("
                            + unit.displayName() + ") does not divide");
                }
            });
            if (!rollUp.sourceUnits().keySet().equals(barrier.keySet())) {
                throw new IllegalArgumentException("arc " + arc.name() + " rolls up sources " + barrier.keySet()
                        + " but knows the lot units of " + rollUp.sourceUnits().keySet() + " only");
            }
        }
        if (tickRollUp != null) {
            if (rollUp != null || tickRollUp.lateAfter() != null) {
                throw new IllegalArgumentException("arc " + arc.name() + " runs on its ticks, which start each lot "
                        + "with what is there: it has no roll-up of events nor a lateAfter");
            }
            if (!tickRollUp.sourceUnits().keySet().equals(arc.sources().keySet())) {
                throw new IllegalArgumentException("scheduled arc " + arc.name() + " covers the lots of sources "
                        + tickRollUp.sourceUnits().keySet() + ", not all of " + arc.sources().keySet());
            }
            tickRollUp.sourceUnits().forEach((role, unit) -> {
                if (!unit.divides(tickRollUp.lotUnit())) {
                    throw new IllegalArgumentException("scheduled arc " + arc.name() + " ticks "
                            + tickRollUp.lotUnit().displayName() + " lots, which source role '" + role + "' ("
                            + unit.displayName() + ") does not divide");
                }
            });
        }
    }

    public ArcGateProps(ArcStateProps arc, Map<String, String> sinkManifestTemplates, Duration runningTimeout,
                        Map<String, String> barrier, RollUp rollUp) {
        this(arc, sinkManifestTemplates, runningTimeout, barrier, rollUp, null);
    }

    public ArcGateProps(ArcStateProps arc, Map<String, String> sinkManifestTemplates, Duration runningTimeout,
                        Map<String, String> barrier) {
        this(arc, sinkManifestTemplates, runningTimeout, barrier, null);
    }

    /** Without a barrier: each lot starts on the first source lot that arrives. */
    public ArcGateProps(ArcStateProps arc, Map<String, String> sinkManifestTemplates, Duration runningTimeout) {
        this(arc, sinkManifestTemplates, runningTimeout, Map.of());
    }

    /** The same gates with another running timeout. */
    public ArcGateProps withRunningTimeout(Duration timeout) {
        return new ArcGateProps(arc, sinkManifestTemplates, timeout, barrier, rollUp, tickRollUp);
    }

    /** Whether each of the arc's lots covers the source lots inside it (ADR-0012). */
    public boolean rollsUp() {
        return rollUp != null;
    }

    /**
     * Whether a run of a lot reads the source lots inside it, a roll-up's or a scheduled roll-up's: the start gate
     * then writes, per run, the covered-manifests document ({@link CoveredManifests}).
     */
    public boolean coversLots() {
        return rollUp != null || tickRollUp != null;
    }

    /**
     * A roll-up's units.
     *
     * @param lotUnit     the arc's own lot unit
     * @param lateAfter   how long after a lot's interval ends it starts with what is there; null: it waits for every
     *                    covered source lot
     * @param sourceUnits barrier role → the lot unit of that source, which divides {@code lotUnit}
     */
    public record RollUp(LotUnit lotUnit, Duration lateAfter, Map<String, LotUnit> sourceUnits) {
        public RollUp {
            Objects.requireNonNull(lotUnit, "a roll-up's lotUnit is required");
            sourceUnits = sourceUnits == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(sourceUnits));
            if (lateAfter != null && (lateAfter.isNegative() || lateAfter.isZero())) {
                throw new IllegalArgumentException("lateAfter must be positive, found: " + lateAfter);
            }
        }

        /** The lots of {@code sourceUnit} inside {@code arcLot}'s interval (the lots it covers), in time order. */
        public static java.util.List<io.clusterless.lot.LotId> covered(io.clusterless.lot.LotId arcLot,
                                                                      LotUnit sourceUnit) {
            java.util.List<io.clusterless.lot.LotId> lots = new java.util.ArrayList<>();
            for (io.clusterless.lot.LotId lot = io.clusterless.lot.LotId.of(sourceUnit, arcLot.start());
                 lot.start().isBefore(arcLot.end()); lot = lot.next()) {
                lots.add(lot);
            }
            return lots;
        }

        /** When a lot that still misses source lots starts with what is there; empty without {@code lateAfter}. */
        public java.util.Optional<java.time.Instant> deadline(io.clusterless.lot.LotId lot) {
            return lateAfter == null ? java.util.Optional.empty() : java.util.Optional.of(lot.end().plus(lateAfter));
        }

        ObjectNode toJson() {
            ObjectNode tree = Json.records().createObjectNode();
            tree.put("lotUnit", lotUnit.displayName());
            if (lateAfter != null) {
                tree.put("lateAfter", lateAfter.toString());
            }
            ObjectNode units = tree.putObject("sourceUnits");
            sourceUnits.forEach((role, unit) -> units.put(role, unit.displayName()));
            return tree;
        }

        static RollUp fromJson(JsonNode tree) {
            Map<String, LotUnit> units = new LinkedHashMap<>();
            tree.path("sourceUnits").properties().forEach(entry ->
                    units.put(entry.getKey(), LotUnit.parse(entry.getValue().asText())));
            JsonNode late = tree.path("lateAfter");
            return new RollUp(LotUnit.parse(tree.path("lotUnit").asText()),
                    late.isTextual() ? parseDuration("lateAfter", late.asText()) : null, units);
        }
    }

    /** Whether each lot waits for every subscribed source. */
    public boolean joins() {
        return !barrier.isEmpty();
    }

    /** Reads the flat document of env {@code CLS_ARC_STATE_PROPS_JSON}. */
    public static ArcGateProps fromJson(String json) {
        try {
            JsonNode tree = Json.records().readTree(json);
            ArcStateProps arc = Json.records().treeToValue(tree, ArcStateProps.class);
            Map<String, String> templates = new LinkedHashMap<>();
            tree.path("sinkManifestTemplates").properties()
                    .forEach(entry -> templates.put(entry.getKey(), entry.getValue().asText()));
            Map<String, String> barrier = new LinkedHashMap<>();
            tree.path("barrier").properties().forEach(entry -> barrier.put(entry.getKey(), entry.getValue().asText()));
            JsonNode timeout = tree.path("runningTimeout");
            JsonNode rollUp = tree.path("rollUp");
            JsonNode tickRollUp = tree.path("tickRollUp");
            return new ArcGateProps(arc, templates, timeout.isTextual()
                    ? parseDuration("runningTimeout", timeout.asText()) : null,
                    barrier, rollUp.isObject() ? RollUp.fromJson(rollUp) : null,
                    tickRollUp.isObject() ? RollUp.fromJson(tickRollUp) : null);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("arc state props are not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        ObjectNode tree = Json.records().valueToTree(arc);
        tree.set("sinkManifestTemplates", Json.records().valueToTree(sinkManifestTemplates));
        tree.put("runningTimeout", runningTimeout.toString());
        if (!barrier.isEmpty()) {
            tree.set("barrier", Json.records().valueToTree(barrier));
        }
        if (rollUp != null) {
            tree.set("rollUp", rollUp.toJson());
        }
        if (tickRollUp != null) {
            tree.set("tickRollUp", tickRollUp.toJson());
        }
        try {
            return Json.records().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write arc state props", e);
        }
    }

    /** The arc's state location, lot and state open. */
    public ArcStateURI arcStateURI() {
        if (arc.arcStatePath() == null) {
            throw new IllegalArgumentException("arc state props of arc '" + arc.name() + "' have no arcStatePath; "
                    + "expected s3://<bucket>/arcs/project=<p>/version=<v>/arc=<arc>/lot={lot}/{state}.arc");
        }
        ArcStateURI uri = ArcStateURI.parse(arc.arcStatePath());
        if (uri.bucket() == null || uri.projectName() == null || uri.projectVersion() == null || uri.arcName() == null) {
            throw new IllegalArgumentException("arcStatePath must name the bucket, project, version and arc: "
                    + arc.arcStatePath());
        }
        return uri.withLot((String) null).withState(null);
    }

    private static Duration parseDuration(String field, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 duration: '" + text
                    + "', expected e.g. PT30M", e);
        }
    }
}
