package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.inspect.Card;
import io.clusterless.cli.inspect.DeployedReader;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.ops.MetadataBuckets;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.json.Json;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What {@code cls show placement|project|arc|dataset [NAME]} share: the placements the filters leave, one
 * {@link DeployedReader} each, and the output: the documents as a JSON array with {@code --output json} (or flattened
 * with {@code --wide}), otherwise a narrow row per thing, or a card when a NAME picks exactly one.
 */
final class ShowDeployed {
    /** What one kind of deployed thing is called, how it is read, and its narrow row. */
    record Kind(String singular, String plural, Function<DeployedReader, List<ObjectNode>> read,
                Function<JsonNode, ObjectNode> row) {
    }

    private ShowDeployed() {
    }

    /**
     * @param name the NAME argument, or null; used for messages (the reading function already filters by it)
     */
    static int show(CliContext context, ReportCommands.Filters filters, boolean wide, Kind kind, String name,
                    List<String> otherFilters) {
        List<ObjectNode> documents = new ArrayList<>();
        List<ReportCommands.Found> placements;
        String projectHint;
        try (SubstrateOperations operations = filters.substrate.operations(context)) {
            MetadataBuckets buckets = operations.metadataBuckets();
            placements = ReportCommands.placements(context, filters, operations, buckets);
            if (placements.isEmpty()) {
                throw new UserException("no bootstrapped placement" + filtered(filters) + " " + buckets.where()
                        + "; run " + operations.placementHint(filters.account, filters.stage));
            }
            StackStates stacks = operations.stackStates().orElse(null);
            for (ReportCommands.Found found : placements) {
                DeployedReader reader = new DeployedReader(operations.store(found.placement().region()),
                        found.placement(), operations.provider(), stacks, Clock.systemUTC());
                documents.addAll(kind.read().apply(reader));
            }
            projectHint = operations.projectHint();
        }
        if (documents.isEmpty()) {
            String in = placements.size() == 1 ? "placement " + DeployedReader.name(placements.get(0).placement())
                    : placements.size() + " placements" + filtered(filters);
            boolean narrowed = name != null || !otherFilters.isEmpty();
            throw new UserException(narrowed
                    ? "no deployed " + kind.singular() + (name == null ? "" : " " + name)
                    + String.join("", otherFilters.stream().map(f -> " " + f).toList()) + " in " + in
                    + "; cls show " + kind.plural() + " lists them"
                    : "nothing deployed in " + in + " has " + kind.plural() + "; run " + projectHint
                    + " to place a project");
        }
        OutputFormat format = context.output();
        if (format == OutputFormat.json || wide) {
            new Printer(context.out(), format).print(documents);
        } else if (format == OutputFormat.table && name != null && documents.size() == 1) {
            Card.print(context.out(), documents.get(0));
        } else {
            List<ObjectNode> rows = documents.stream().map(kind.row()).toList();
            if (placements.size() == 1) {
                rows.forEach(row -> row.remove("placement")); // the same in every row: said once by the filters
            }
            new Printer(context.out(), format).fitting(context.tableWidth(false)).print(rows);
        }
        return ExitCodes.OK;
    }

    private static String filtered(ReportCommands.Filters filters) {
        List<String> parts = new ArrayList<>();
        if (filters.stage != null) {
            parts.add(filters.stage.isEmpty() ? "without a stage" : "of stage " + filters.stage);
        }
        if (filters.account != null) {
            parts.add("of account " + filters.account);
        }
        if (filters.substrate.aws().region() != null) {
            parts.add("in region " + filters.substrate.aws().region());
        }
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    /** A row's cell for a nested text field, null when absent. */
    static String text(JsonNode document, String pointer) {
        JsonNode node = document.at(pointer);
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    static ObjectNode row(JsonNode document) {
        ObjectNode row = Json.records().createObjectNode();
        row.put("placement", text(document, "/placement/name"));
        return row;
    }

    /** An instant to the second for a narrow column: {@code 2026-12-06T04:15:15Z}. */
    static String time(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException e) {
            return instant; // shown as recorded
        }
    }

    /** An ISO-8601 duration for a narrow column: {@code PT55M30S} -> {@code 55m30s}, {@code PT50H} -> {@code 50h}. */
    static String age(String duration) {
        return duration == null ? null : duration.replace("PT", "").toLowerCase(Locale.ROOT);
    }

    /** {@code aws:core:s3CopyArc} -> {@code s3CopyArc}: the provider prefix is the same on every row. */
    static String shortType(String type) {
        return type == null ? null : type.substring(type.lastIndexOf(':') + 1);
    }

    static boolean sameName(String wanted, String name) {
        return wanted.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT));
    }
}
