package io.clusterless.model.validate;

import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What `cls validate` says about a roll-up's {@code lotUnit} and {@code lateAfter} (ADR-0012). */
class RollUpRuleTest {
    private static final String WORKLOAD = "\"workload\": {\"runtime\": \"python3.12\", \"handler\": \"h.handler\", "
            + "\"codePath\": \"fn\"}";
    @TempDir
    Path project;
    private String batchCommand = "[\"python3\", \"r.py\"]";

    @Test
    void aRollUpIsCoarserThanOrEqualToItsSources_andAnotherUnitIsOneLocatedLine() throws IOException {
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\", \"lateAfter\": \"PT2H\"")).isEmpty();
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Twelfths\"")).isEmpty();
        assertThat(problems("Fourths", ", \"lotUnit\": \"Days\"")).isEmpty();
        assertThat(problems("Fourths", ", \"lotUnit\": \"Sixths\"")).singleElement().asString().startsWith(
                "project.json:7:").endsWith("arcs[0].lotUnit: lotUnit \"Sixths\" is not covered by whole lots of source 'main' (orders/1, "
                + "Fourths); use a unit its Fourths divide, such as Hours or Days");
        assertThat(problems("Hours", ", \"lotUnit\": \"Twelfths\"")).singleElement().asString()
                .contains("arcs[0].lotUnit: lotUnit \"Twelfths\" is not covered by whole lots of source 'main'");
    }

    @Test
    void theSourceUnitOfAnArcSinkIsThatArcsOwn() throws IOException {
        String second = ", {\"type\": \"aws:core:lambdaExecArc\", \"name\": \"daily\", \"lotUnit\": \"Sixths\", " + WORKLOAD + ", "
                + "\"sources\": {\"main\": {\"name\": \"hourly\", \"version\": \"1\"}}, \"sinks\": {\"main\": "
                + "{\"name\": \"daily\", \"version\": \"1\", \"pathURI\": \"s3://roll-data/daily/\"}}}";
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\"", second)).singleElement().asString()
                .contains("arcs[1].lotUnit: lotUnit \"Sixths\" is not covered by whole lots of source 'main' "
                        + "(hourly/1, Hours)");
    }

    @Test
    void aTypeThatReadsOneLotsManifestCannotRollUp() throws IOException {
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\"", "", "aws:core:s3CopyArc")).singleElement()
                .asString().contains("arcs[0].lotUnit: arc hourly of type aws:core:s3CopyArc reads one source lot's "
                        + "manifest, so a roll-up would drop the other lots it covers");
    }

    @Test
    void aBatchWorkloadRollsUp_itsContainerReadsTheCoveredManifestsDocument() throws IOException {
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\", \"lateAfter\": \"PT2H\"", "",
                "aws:core:batchExecArc")).isEmpty();
    }

    @Test
    void aBatchCommandCannotCarryTheCoveredManifestsList_itNamesTheirDocument() throws IOException {
        batchCommand = "[\"python3\", \"r.py\", \"$.coveredManifestsURI\", \"$.coveredManifests.main\"]";
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\"", "", "aws:core:batchExecArc")).singleElement()
                .asString().contains("arcs[0].workload.command[3]: argument $.coveredManifests.main names a list of "
                        + "manifests, which a Batch job's arguments cannot carry; pass $.coveredManifestsURI");
    }

    @Test
    void aScheduledArcOverFinerSourcesRollsThemUp_soItsTypeMustReadEveryCoveredLot() throws IOException {
        assertThat(problems("Twelfths", ", \"schedule\": \"rate(1 hour)\"")).isEmpty();
        assertThat(problems("Twelfths", ", \"schedule\": \"rate(1 hour)\"", "", "aws:core:batchExecArc")).isEmpty();
        assertThat(problems("Twelfths", ", \"schedule\": \"cron(0 2 * * ? *)\", \"lotUnit\": \"Hours\"")).isEmpty();
        assertThat(problems("Twelfths", ", \"schedule\": \"rate(5 minutes)\"", "", "aws:core:s3CopyArc"))
                .as("ticking the sources' unit reads one lot per source, as before").isEmpty();
        assertThat(problems("Twelfths", ", \"schedule\": \"rate(1 hour)\"", "", "aws:core:s3CopyArc"))
                .singleElement().asString().contains("arcs[0].schedule: arc hourly of type aws:core:s3CopyArc ticks "
                        + "Hours lots over finer source lots, but reads one source lot's manifest");
        assertThat(problems("Fourths", ", \"schedule\": \"rate(1 hour)\", \"lotUnit\": \"Sixths\""))
                .singleElement().asString().contains("arcs[0].lotUnit: each tick of arc hourly runs a Sixths lot, "
                        + "which is not covered by whole lots of source 'main' (orders/1, Fourths)");
        assertThat(problems("Twelfths", ", \"schedule\": \"rate(1 hour)\", \"lotUnit\": \"Hours\", "
                + "\"lateAfter\": \"PT2H\"")).singleElement().asString().contains("arcs[0].lateAfter: arc hourly "
                + "runs each lot at its schedule's tick with the source lots there are");
    }

    @Test
    void lateAfterNeedsARollUpAndAPositiveDuration() throws IOException {
        assertThat(problems("Twelfths", ", \"lateAfter\": \"PT2H\"")).singleElement().asString()
                .contains("arcs[0].lateAfter: lateAfter applies to a roll-up (an arc with its own \"lotUnit\")");
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\", \"lateAfter\": \"2 hours\"")).singleElement()
                .asString().contains("arcs[0].lateAfter: lateAfter \"2 hours\" is not an ISO-8601 duration");
        assertThat(problems("Twelfths", ", \"lotUnit\": \"Hours\", \"lateAfter\": \"PT0S\"")).singleElement()
                .asString().contains("must be positive");
    }

    private List<String> problems(String sourceUnit, String arcFields) throws IOException {
        return problems(sourceUnit, arcFields, "");
    }

    private List<String> problems(String sourceUnit, String arcFields, String more) throws IOException {
        return problems(sourceUnit, arcFields, more, "aws:core:lambdaExecArc");
    }

    private List<String> problems(String sourceUnit, String arcFields, String more, String type)
            throws IOException {
        String text = """
                {
                  "project": {"name": "Roll", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "resources": [{"type": "aws:core:computeEnvironment", "name": "compute", "computeEnvironmentName": "rollCompute"}],
                  "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "orders", "lotUnit": "UNIT", "eventArrival": "infrequent", "dataset": {"name": "orders", "version": "1", "pathURI": "s3://roll-data/orders/"}}],
                  "arcs": [
                    {"type": "TYPE", "name": "hourly", WORKLOAD, "sources": {"main": {"name": "orders", "version": "1"}}, "sinks": {"main": {"name": "hourly", "version": "1", "pathURI": "s3://roll-data/hourly/"}}FIELDS}MORE]
                }
                """.replace("UNIT", sourceUnit).replace("FIELDS", arcFields).replace("MORE", more).replace("TYPE", type)
                .replace("WORKLOAD", type.endsWith("lambdaExecArc") ? WORKLOAD : type.endsWith("batchExecArc")
                        ? "\"workload\": {\"computeEnvironmentRef\": \"compute\", \"imagePath\": \"img\", "
                        + "\"command\": " + batchCommand + "}" : "\"exclude\": false");
        Files.createDirectories(project.resolve("img"));
        Files.writeString(project.resolve("img/Dockerfile"), "FROM scratch\n");
        Files.createDirectories(project.resolve("fn"));
        Files.writeString(project.resolve("fn/h.py"), "def handler(event, context):\n    return None\n");
        Path file = project.resolve("project.json");
        Files.writeString(file, text);
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(file)));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(this::line).toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(this::line).toList();
        }
    }

    private String line(Problem problem) {
        return problem.format().replace(project + "/", "");
    }
}
