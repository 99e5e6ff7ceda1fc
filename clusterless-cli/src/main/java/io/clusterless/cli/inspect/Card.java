package io.clusterless.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.output.Printer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document for a person: its fields one per line ({@code deploy.by  jo@laptop}), lists of values joined, and
 * lists of records (stacks, sources) as tables below, so one deployed thing reads top to bottom, not 30 columns wide.
 */
public final class Card {
    private Card() {
    }

    public static void print(PrintWriter out, JsonNode document) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, JsonNode> tables = new LinkedHashMap<>();
        collect("", document, fields, tables);
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((name, value) -> out.println((name + " ".repeat(width - name.length()) + "  " + value)
                .stripTrailing()));
        tables.forEach((name, rows) -> {
            out.println();
            out.println(name + ":");
            List<JsonNode> records = new ArrayList<>();
            rows.forEach(records::add);
            new Printer(out, OutputFormat.table).print(records);
        });
        out.flush();
    }

    private static void collect(String prefix, JsonNode node, Map<String, String> fields,
                                Map<String, JsonNode> tables) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                collect(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), fields,
                        tables);
            }
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
            tables.put(prefix, node);
        } else if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(value.asText()));
            fields.put(prefix, values.isEmpty() ? "-" : String.join(", ", values));
        } else {
            fields.put(prefix, node.isNull() ? "-" : node.asText());
        }
    }
}
