package io.clusterless.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints records (nested JSON objects) as a table, a JSON array, CSV or TSV. Tables and CSV/TSV flatten nested
 * fields into dotted column names ({@code placement.account}); a table splits each column name into two header
 * rows (first word, then the rest), underlines them with {@code =}, and shows nulls as {@code -}.
 */
public final class Printer {
    private final PrintWriter out;
    private final OutputFormat format;

    /** The widest a table may be, in characters; 0 for no limit. */
    private final int width;
    /** Columns left out last, most wanted first. */
    private final List<String> preferred;

    public Printer(PrintWriter out, OutputFormat format) {
        this(out, format, 0, List.of());
    }

    private Printer(PrintWriter out, OutputFormat format, int width, List<String> preferred) {
        this.out = out;
        this.format = format;
        this.width = width;
        this.preferred = List.copyOf(preferred);
    }

    /**
     * This printer with tables no wider than {@code width} characters (0: no limit): columns are left out until the
     * table fits, the placement's first, then from the right, those in {@code preferred} last (the first of them
     * last of all); the names that say which row is which (a column named {@code name}, {@code *.name},
     * {@code version}, {@code lotId}) stay. A line under the table names what was left out. JSON, CSV and TSV always
     * have every column.
     */
    public Printer fitting(int width, List<String> preferred) {
        return new Printer(out, format, Math.max(0, width), preferred);
    }

    /** {@link #fitting(int, List)} without preferred columns. */
    public Printer fitting(int width) {
        return fitting(width, List.of());
    }

    public void print(List<?> records) {
        ObjectMapper mapper = Json.records();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object record : records) {
            array.add(record instanceof JsonNode node ? node : mapper.valueToTree(record));
        }
        switch (format) {
            case json -> printJson(array);
            case csv -> printDelimited(array, ",");
            case tsv -> printDelimited(array, "\t");
            case table -> printTable(array);
        }
        out.flush();
    }

    private void printJson(ArrayNode array) {
        try {
            out.println(Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, JsonNode>> flatten(ArrayNode array, Set<String> columns) {
        List<Map<String, JsonNode>> rows = new ArrayList<>();
        for (JsonNode record : array) {
            Map<String, JsonNode> row = new LinkedHashMap<>();
            flatten("", record, row);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        return rows;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> row) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), row);
            }
        } else {
            row.put(prefix.isEmpty() ? "value" : prefix, node);
        }
    }

    private void printDelimited(ArrayNode array, String delimiter) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, JsonNode>> rows = flatten(array, columns);
        out.println(String.join(delimiter, columns.stream().map(c -> escape(c, delimiter)).toList()));
        for (Map<String, JsonNode> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                cells.add(value == null || value.isNull() ? "" : escape(text(value), delimiter));
            }
            out.println(String.join(delimiter, cells));
        }
    }

    private static String escape(String value, String delimiter) {
        if (",".equals(delimiter)) {
            return value.contains(",") || value.contains("\"") || value.contains("\n")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }
        return value.replace("\t", " ").replace("\n", " ");
    }

    private void printTable(ArrayNode array) {
        if (array.isEmpty()) {
            // without records there are no columns either: say so rather than print an empty frame
            out.println("(none)");
            return;
        }
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, JsonNode>> rows = flatten(array, columns);
        List<String> names = new ArrayList<>(columns);
        List<String[]> headers = names.stream().map(Printer::headerRows).toList();
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.US);
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, JsonNode> row : rows) {
            List<String> line = new ArrayList<>();
            for (String column : names) {
                JsonNode value = row.get(column);
                line.add(value == null || value.isNull() ? "-"
                        : value.isIntegralNumber() ? numbers.format(value.longValue()) : text(value));
            }
            cells.add(line);
        }
        int[] widths = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            widths[i] = Math.max(headers.get(i)[0].length(), headers.get(i)[1].length());
            for (List<String> line : cells) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        List<String> leftOut = new ArrayList<>();
        if (width > 0) {
            List<Integer> dropped = TableFit.dropped(names, cells, widths, width, preferred);
            if (!dropped.isEmpty()) {
                dropped.stream().sorted().forEach(i -> leftOut.add(names.get(i)));
                List<Integer> kept = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    if (!dropped.contains(i)) {
                        kept.add(i);
                    }
                }
                headers = kept.stream().map(headers::get).toList();
                cells = cells.stream().map(line -> kept.stream().map(line::get).toList()).toList();
                int[] full = widths;
                widths = kept.stream().mapToInt(i -> full[i]).toArray();
            }
        }
        printRow(headers.stream().map(h -> h[0]).toList(), widths);
        printRow(headers.stream().map(h -> h[1]).toList(), widths);
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        out.println("=".repeat(Math.max(1, total + 2 * Math.max(0, widths.length - 1))));
        for (List<String> line : cells) {
            printRow(line, widths);
        }
        if (!leftOut.isEmpty()) {
            wrapped("(" + leftOut.size() + " column" + (leftOut.size() == 1 ? "" : "s") + " left out to fit " + width
                    + " characters: " + String.join(", ", leftOut) + "; --wide shows every column)");
        }
        out.println();
    }

    /** {@code text} in lines no wider than the table may be, broken at spaces. */
    private void wrapped(String text) {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                out.println(line);
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        out.println(line);
    }

    private void printRow(List<String> values, int[] widths) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                builder.append("  ");
            }
            builder.append(values.get(i));
            if (i < values.size() - 1) {
                builder.append(" ".repeat(widths[i] - values.get(i).length()));
            }
        }
        out.println(builder.toString().stripTrailing());
    }

    /** {@code placement.account} -> placement / account; {@code earliestGap} -> earliest / gap; {@code name} -> "" / name. */
    static String[] headerRows(String column) {
        List<String> words = new ArrayList<>();
        for (String part : column.split("\\.")) {
            for (String word : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        if (words.size() == 1) {
            return new String[]{"", words.get(0)};
        }
        return new String[]{words.get(0), String.join(" ", words.subList(1, words.size()))};
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** A record built field by field, for commands that print ad-hoc rows. */
    public static ObjectNode record() {
        return JsonNodeFactory.instance.objectNode();
    }
}
