package io.clusterless.model.core.arc.athena;

import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What `cls validate` says about an athenaQueryArc that could not run as written. */
class AthenaQueryRuleTest {
    private static final String QUERY = "\"query\": \"SELECT url, count(*) AS hits FROM ${source.main.table} "
            + "WHERE ${source.main.lotPredicate} GROUP BY url\"";

    @TempDir
    Path project;

    @Test
    void aQueryOverTheGlueSinkOfAPartitionsArcIsValid() throws IOException {
        assertThat(problems("clicks-partitions", QUERY + ", \"partitionBy\": []")).isEmpty();
    }

    @Test
    void anS3DatasetWithAGlueTableOverItsPathIsAValidSource() throws IOException {
        assertThat(problems("clicks-csv", QUERY)).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsLocatedInTheQuery() throws IOException {
        assertThat(problems("clicks-partitions", "\"query\": \"SELECT *\\nFROM ${source.main.table}\\n"
                + "WHERE day = ${day} AND ${source.other.lotPredicate}\""))
                .containsExactly(
                        "arcs[1].workload.query: unknown placeholder ${day}; use ${lot}, ${lotStart}, ${lotEnd}, "
                                + "${source.ROLE.table} or ${source.ROLE.lotPredicate} (query line 3, column 13)",
                        "arcs[1].workload.query: ${source.other.lotPredicate} names source role 'other', but the "
                                + "arc's sources are [main]; use one of them (query line 3, column 24)");
    }

    @Test
    void anUnknownPlaceholderInAQueryFileIsLocatedInThatFile() throws IOException {
        Files.writeString(project.resolve("clicks.sql"), "SELECT *\n  FROM ${source.main.table}\n WHERE ${lotday}\n");
        List<String> problems = problems("clicks-partitions", "\"queryPath\": \"clicks.sql\"");
        assertThat(problems).singleElement().asString()
                .endsWith("clicks.sql:3:8: unknown placeholder ${lotday}; use ${lot}, ${lotStart}, ${lotEnd}, "
                        + "${source.ROLE.table} or ${source.ROLE.lotPredicate} (arc 'toParquet')");
    }

    @Test
    void aQueryFileMustBeBesideTheProjectFile() throws IOException {
        assertThat(problems("clicks-partitions", "\"queryPath\": \"missing.sql\"")).singleElement().asString()
                .startsWith("arcs[1].workload.queryPath: queryPath \"missing.sql\" is not a file");
        assertThat(problems("clicks-partitions", "\"queryPath\": \"../outside.sql\"")).singleElement().asString()
                .startsWith("arcs[1].workload.queryPath: queryPath \"../outside.sql\" is outside the project folder");
    }

    @Test
    void queryAndQueryPathAreExclusiveAndOneIsNeeded() throws IOException {
        assertThat(problems("clicks-partitions", QUERY + ", \"queryPath\": \"x.sql\"")).containsExactly(
                "arcs[1].workload: give query or queryPath, not both");
        assertThat(problems("clicks-partitions", "\"format\": \"PARQUET\"")).containsExactly(
                "arcs[1].workload: give the SELECT as query, or as queryPath (a .sql file beside the project file)");
    }

    @Test
    void onlyOneSelectIsAccepted() throws IOException {
        assertThat(problems("clicks-partitions", "\"query\": \"DROP TABLE x\"")).singleElement().asString()
                .isEqualTo("arcs[1].workload.query: query must be one SELECT (or WITH … SELECT), not DROP …; the "
                        + "arc writes the result itself (UNLOAD on AWS, COPY locally)");
        assertThat(problems("clicks-partitions", "\"query\": \"SELECT 1; DELETE FROM x\"")).singleElement()
                .asString().contains("holds more than one statement");
        // a ';' in a string, an identifier or a comment is no second statement; a trailing one is dropped
        assertThat(problems("clicks-partitions", "\"query\": \"-- hits; per url\\nWITH a AS (SELECT ';' AS \\\"x;y\\\")"
                + " SELECT * FROM a;\"")).isEmpty();
    }

    @Test
    void aSourceWithoutAGlueTableIsRefused() throws IOException {
        assertThat(problems("other-csv", QUERY)).singleElement().asString().isEqualTo(
                "arcs[1].sources.main: source role 'main': dataset other-csv/1 at s3://clicks-raw/other/ has no "
                        + "glueTable resource over that pathURI; declare one, or read the glue:///DB/TABLE sink of "
                        + "a glueAddPartitionsArc");
    }

    @Test
    void compressionMustSuitTheFormat() throws IOException {
        assertThat(problems("clicks-partitions", QUERY + ", \"format\": \"JSON\", \"compression\": \"snappy\""))
                .containsExactly("arcs[1].workload.compression: compression SNAPPY is not available for JSON; use "
                        + "one of [NONE, GZIP, ZSTD]");
    }

    @Test
    void partitionColumnsArePlainDistinctNames() throws IOException {
        assertThat(problems("clicks-partitions", QUERY + ", \"partitionBy\": [\"day\", \"Day\", \"a-b\"]"))
                .containsExactly("arcs[1].workload.partitionBy[1]: partitionBy names Day twice",
                        "arcs[1].workload.partitionBy[2]: partitionBy column \"a-b\" is not a plain column name "
                                + "(letters, digits, _); alias it in the SELECT");
    }

    private List<String> problems(String source, String workload) throws IOException {
        String text = """
                {
                  "project": {"name": "Clicks", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "resources": [
                    {"type": "aws:core:glueDatabase", "name": "clicks", "databaseName": "clicks"},
                    {"type": "aws:core:glueTable", "name": "rawClicks", "databaseRef": "clicks",
                     "tableName": "raw_clicks", "pathURI": "s3://clicks-raw/csv/",
                     "schema": {"dataFormat": "csv", "columns": [{"name": "url", "type": "string"}],
                                "partitions": [{"name": "day", "type": "string"}]}}
                  ],
                  "boundaries": [
                    {"type": "aws:core:s3PutListenerBoundary", "name": "csv", "lotUnit": "Twelfths",
                     "eventArrival": "frequent",
                     "dataset": {"name": "clicks-csv", "version": "1", "pathURI": "s3://clicks-raw/csv/"}},
                    {"type": "aws:core:s3PutListenerBoundary", "name": "other", "lotUnit": "Twelfths",
                     "eventArrival": "frequent",
                     "dataset": {"name": "other-csv", "version": "1", "pathURI": "s3://clicks-raw/other/"}}
                  ],
                  "arcs": [
                    {"type": "aws:core:glueAddPartitionsArc", "name": "register",
                     "sources": {"main": {"name": "clicks-csv", "version": "1"}},
                     "sinks": {"main": {"name": "clicks-partitions", "version": "1",
                               "pathURI": "glue:///clicks/raw_clicks"}}},
                    {"type": "aws:core:athenaQueryArc", "name": "toParquet",
                     "sources": {"main": {"name": "SOURCE", "version": "1"}},
                     "sinks": {"main": {"name": "clicks-parquet", "version": "1",
                               "pathURI": "s3://clicks-raw/parquet/"}},
                     "workload": {WORKLOAD}}
                  ]
                }
                """.replace("SOURCE", source).replace("WORKLOAD", workload);
        Path file = project.resolve("project.json");
        Files.writeString(file, text);
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(file)));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(Problem::format).map(line -> line.replaceFirst("^[^ ]*project\\.json:\\d+:\\d+: ", ""))
                    .toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
    }
}
