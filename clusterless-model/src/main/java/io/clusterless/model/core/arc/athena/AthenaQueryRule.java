package io.clusterless.model.core.arc.athena;

import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.Position;
import io.clusterless.model.load.Problem;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;
import io.clusterless.model.validate.ValidationOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An athenaQueryArc can run: one SELECT (query, or queryPath beside the project file) whose placeholders all expand,
 * sources that are Glue tables declared in the project, one S3 sink, and output settings Athena accepts.
 */
final class AthenaQueryRule implements ComponentRule<AthenaQueryArc> {
    private static final Pattern WORK_GROUP = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    @Override
    public Concern concern() {
        return Concern.SETTINGS;
    }

    @Override
    public void check(Located<AthenaQueryArc> arc, RuleContext context, List<Problem> problems) {
        new Check(arc.file(), arc.path(), arc.value(), context.options(), problems)
                .run(new SourceTables(context.deployables()));
    }

    private record Check(LoadedFile file, FieldPath path, AthenaQueryArc arc, ValidationOptions options,
                         List<Problem> problems) {
        void run(SourceTables tables) {
            query();
            tables.resolve(arc).forEach((role, resolution) -> {
                if (resolution.table() == null && !(resolution.ownerUnknown() && options.ownersElsewhere())) {
                    add("source role '" + role + "': " + resolution.problem(), "sources", role);
                }
            });
            sinks();
            output();
        }

        private void query() {
            AthenaQuerySettings settings = arc.getWorkload();
            boolean inline = settings.getQuery() != null && !settings.getQuery().isBlank();
            boolean fromFile = settings.getQueryPath() != null && !settings.getQueryPath().isBlank();
            if (inline == fromFile) {
                add(inline ? "give query or queryPath, not both" : "give the SELECT as query, or as queryPath (a "
                        + ".sql file beside the project file)", "workload");
                return;
            }
            if (inline) {
                statement(settings.getQuery(), null, "query");
                return;
            }
            Path projectFile = file.source().path();
            if (!options.localFiles() || projectFile == null) {
                return;
            }
            Path dir = projectFile.toAbsolutePath().normalize().getParent();
            Path sql = dir.resolve(settings.getQueryPath()).normalize();
            if (!sql.startsWith(dir) || !Files.isRegularFile(sql)) {
                add("queryPath \"" + settings.getQueryPath() + "\" " + (sql.startsWith(dir) ? "is not a file (looked at "
                        + sql + ")" : "is outside the project folder " + dir) + "; name a .sql file beside the project "
                        + "file", "workload", "queryPath");
                return;
            }
            try {
                statement(Files.readString(sql, StandardCharsets.UTF_8), sql, "queryPath");
            } catch (IOException e) {
                add("cannot read queryPath \"" + settings.getQueryPath() + "\": " + e.getMessage(), "workload",
                        "queryPath");
            }
        }

        /** Placeholders located in the .sql file itself, or by line and column of the inline query. */
        private void statement(String sql, Path sqlFile, String field) {
            String shape = QueryText.notOneSelect(sql);
            if (shape != null) {
                add(field + " " + shape, "workload", field);
            }
            Set<String> roles = arc.getSources().keySet();
            for (QueryPlaceholders.Placeholder placeholder : QueryPlaceholders.find(sql)) {
                String problem = QueryPlaceholders.problem(placeholder, roles);
                if (problem == null) {
                    continue;
                }
                int[] at = QueryPlaceholders.lineColumn(sql, placeholder.offset());
                if (sqlFile != null) {
                    problems.add(Problem.at(display(sqlFile), new Position(at[0], at[1]), problem + " (arc '"
                            + arc.getName() + "')"));
                } else {
                    add(problem + " (query line " + at[0] + ", column " + at[1] + ")", "workload", field);
                }
            }
        }

        private void sinks() {
            Map<String, SinkDataset> sinks = arc.getSinks();
            if (sinks.size() != 1) {
                add("an athenaQueryArc writes one result: give exactly one sink (found " + sinks.size() + ")",
                        "sinks");
            }
            sinks.forEach((role, sink) -> {
                String uri = sink.getPathURI();
                if (uri == null || !uri.startsWith("s3://") || uri.substring(5).indexOf('/') < 1) {
                    add("sink pathURI must be s3://bucket/prefix/ (the lot's result goes under "
                            + "<pathURI>lot=<LOT>/), found " + uri, "sinks", role, "pathURI");
                }
            });
        }

        private void output() {
            AthenaQuerySettings settings = arc.getWorkload();
            AthenaFormat format = settings.getFormat() == null ? AthenaFormat.PARQUET : settings.getFormat();
            String compression = settings.compressionOrDefault();
            if (!format.compressions().contains(compression)) {
                add("compression " + compression + " is not available for " + format + "; use one of "
                        + format.compressions(), "workload", "compression");
            }
            String delimiter = settings.getFieldDelimiter();
            if (format == AthenaFormat.TEXTFILE && (delimiter == null || delimiter.length() != 1)) {
                add("fieldDelimiter must be one character", "workload", "fieldDelimiter");
            }
            Set<String> seen = new HashSet<>();
            List<String> partitionBy = settings.getPartitionBy() == null ? List.of() : settings.getPartitionBy();
            for (int i = 0; i < partitionBy.size(); i++) {
                String column = partitionBy.get(i);
                if (column == null || !COLUMN.matcher(column).matches()) {
                    add("partitionBy column \"" + column + "\" is not a plain column name (letters, digits, _); "
                            + "alias it in the SELECT", "workload", "partitionBy", i);
                } else if (!seen.add(column.toLowerCase(java.util.Locale.ROOT))) {
                    add("partitionBy names " + column + " twice", "workload", "partitionBy", i);
                }
            }
            if (settings.getWorkGroup() != null && !WORK_GROUP.matcher(settings.getWorkGroup()).matches()) {
                add("workGroup \"" + settings.getWorkGroup() + "\" is not an Athena work group name (1-128 of "
                        + "letters, digits, . _ -)", "workload", "workGroup");
            }
            String results = settings.getQueryResultsURI();
            if (results != null && (!results.startsWith("s3://") || results.substring(5).isBlank())) {
                add("queryResultsURI must be s3://bucket/prefix/, found " + results, "workload", "queryResultsURI");
            }
        }

        private void add(String message, Object... segments) {
            FieldPath target = path;
            for (Object segment : segments) {
                target = segment instanceof Integer index ? target.index(index) : target.field(segment.toString());
            }
            problems.add(file.problem(target, message));
        }

        /** The .sql file as the project file is shown (its path as given), so both read alike. */
        private String display(Path sqlFile) {
            Path shown = Path.of(file.display()).getParent();
            return (shown == null ? Path.of(arc.getWorkload().getQueryPath())
                    : shown.resolve(arc.getWorkload().getQueryPath())).normalize().toString();
        }
    }
}
