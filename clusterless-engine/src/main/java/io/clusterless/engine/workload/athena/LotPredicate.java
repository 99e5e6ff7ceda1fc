package io.clusterless.engine.workload.athena;

import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.core.arc.athena.SourceTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ${source.ROLE.lotPredicate}}: a boolean SQL expression over the table's partition keys that selects the
 * partitions the lot's source manifest lists, the same text for Athena and DuckDB. A manifest of a
 * glueAddPartitionsArc lists partitions ({@code glue://[catalog]/db/table/day=2023-08-01}); a manifest of an S3
 * dataset lists objects, whose folders below the table's location are its partitions. A path segment is a value as
 * it is ({@code 2023}) or named ({@code year=2023}). An empty lot selects nothing ({@code FALSE}); a table without
 * partition keys has no partitions to select, so the predicate is {@code TRUE} (the whole table).
 */
public final class LotPredicate {
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "int", "integer", "bigint", "float",
            "double", "real");

    private LotPredicate() {
    }

    /** @param manifestUri names the manifest in errors */
    public static String of(SourceTable table, Manifest manifest, String manifestUri) {
        if (table.partitions().isEmpty()) {
            return "TRUE";
        }
        if (manifest.state() == ManifestState.empty || manifest.uris().isEmpty()) {
            return "FALSE";
        }
        Set<List<String>> partitions = new LinkedHashSet<>();
        for (String uri : manifest.uris()) {
            partitions.add(values(table, directory(table, uri, manifest.uriType(), manifestUri), uri, manifestUri));
        }
        List<String> terms = new ArrayList<>();
        for (List<String> values : partitions) {
            List<String> equals = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                SourceTable.Column key = table.partitions().get(i);
                equals.add(SourceTable.quote(key.name()) + " = " + literal(key.type(), values.get(i)));
            }
            terms.add("(" + String.join(" AND ", equals) + ")");
        }
        return terms.size() == 1 ? terms.get(0) : "(" + String.join(" OR ", terms) + ")";
    }

    /** The partition folder a manifest URI names: below the table in a glue:// URI, or an object's folder. */
    private static String directory(SourceTable table, String uri, UriType uriType, String manifestUri) {
        if (uri.startsWith("glue://")) {
            String rest = uri.substring("glue://".length());
            String[] parts = rest.split("/", 4);
            if (parts.length < 4 || parts[3].isBlank()) {
                throw new WorkloadException("source manifest " + manifestUri + " lists the table " + uri + ", not "
                        + "its partitions, so the lot cannot be told apart; set the glueAddPartitionsArc's "
                        + "partitionResults to \"added\" or \"all\"");
            }
            return trim(parts[3]);
        }
        S3Location location = S3Location.parse(table.location());
        String prefix = "s3://" + location.bucket() + "/" + location.prefix();
        if (!uri.startsWith(prefix)) {
            throw new WorkloadException("source manifest " + manifestUri + " lists " + uri + ", which is not under "
                    + "the table location " + table.location());
        }
        String relative = trim(uri.substring(prefix.length()));
        if (uriType == UriType.path) {
            return relative;
        }
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    private static List<String> values(SourceTable table, String directory, String uri, String manifestUri) {
        String[] segments = directory.isEmpty() ? new String[0] : directory.split("/");
        if (segments.length != table.partitions().size()) {
            throw new WorkloadException("source manifest " + manifestUri + " lists " + uri + ", whose folder '"
                    + directory + "' has " + segments.length + " segments, but table " + table.quotedName()
                    + " has " + table.partitions().size() + " partition keys " + table.partitions().stream()
                    .map(SourceTable.Column::name).toList());
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            String named = table.partitions().get(i).name() + "=";
            values.add(segments[i].startsWith(named) ? segments[i].substring(named.length()) : segments[i]);
        }
        return values;
    }

    /** A partition value as a literal of its key's type: numbers bare, dates as DATE '…', else a quoted string. */
    static String literal(String type, String value) {
        String base = type == null ? "string" : type.toLowerCase(Locale.ROOT).replaceAll("\\(.*", "").trim();
        if ((NUMERIC.contains(base) || base.equals("decimal")) && NUMBER.matcher(value).matches()) {
            return value;
        }
        String quoted = "'" + value.replace("'", "''") + "'";
        return base.equals("date") ? "DATE " + quoted : quoted;
    }

    private static String trim(String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
