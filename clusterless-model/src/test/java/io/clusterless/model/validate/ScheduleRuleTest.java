package io.clusterless.model.validate;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.Arc;
import io.clusterless.model.ArcSchedule;
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

/** What `cls validate` says about an arc's {@code schedule} (ADR-0013). */
class ScheduleRuleTest {
    private static final String ONE = "{\"orders\": {\"name\": \"orders\", \"version\": \"1\"}}";
    private static final String TWO = "{\"orders\": {\"name\": \"orders\", \"version\": \"1\"}, "
            + "\"payments\": {\"name\": \"payments\", \"version\": \"1\"}}";
    private static final String NONE = "{}";

    @TempDir
    Path project;

    @Test
    void aScheduledArcMayHaveNoSources_anUnscheduledOneMayNot() throws IOException {
        assertThat(problems(NONE, ", \"schedule\": \"cron(0 2 * * ? *)\"")).isEmpty();
        assertThat(problems(NONE, "")).singleElement().asString().contains("arcs[0].sources: an arc needs at least "
                + "one source dataset, or a \"schedule\" to start it");
    }

    @Test
    void theTickLotUnitIsTheArcsOrDerivedFromTheSchedule() throws IOException {
        assertThat(ArcSchedule.of(arc(ONE, ", \"schedule\": \"rate(1 hour)\"")).orElseThrow().lotUnit())
                .isEqualTo(LotUnit.HOURS);
        assertThat(ArcSchedule.of(arc(NONE, ", \"schedule\": \"cron(0 2 * * ? *)\"")).orElseThrow().lotUnit())
                .isEqualTo(LotUnit.DAYS);
        assertThat(ArcSchedule.of(arc(NONE, ", \"schedule\": \"rate(2 hours)\", \"lotUnit\": \"Hours\""))
                .orElseThrow().lotUnit()).isEqualTo(LotUnit.HOURS);
        assertThat(ArcSchedule.of(arc(ONE, ""))).isEmpty();
        assertThat(arc(ONE, ", \"schedule\": \"rate(1 hour)\"").getSchedule()).isEqualTo("rate(1 hour)");
    }

    @Test
    void aScheduleWithoutALotUnitPeriodNeedsAnExplicitOne_inOneLocatedLine() throws IOException {
        assertThat(problems(NONE, ", \"schedule\": \"rate(2 hours)\"")).singleElement().asString()
                .startsWith("project.json:7:").contains("arcs[0].schedule: schedule \"rate(2 hours)\" does not tick "
                        + "once per lot of a unit").contains("add \"lotUnit\"");
        assertThat(problems(NONE, ", \"schedule\": \"rate(2 hours)\", \"lotUnit\": \"Hours\"")).isEmpty();
    }

    @Test
    void aBadExpressionIsOneLocatedLineSayingWhatToWrite() throws IOException {
        assertThat(problems(ONE, ", \"schedule\": \"rate(1 hours)\"")).singleElement().asString()
                .startsWith("project.json:7:").contains("arcs[0].schedule: schedule \"rate(1 hours)\"")
                .contains("write \"rate(1 hour)\"");
        assertThat(problems(ONE, ", \"schedule\": \"cron(0 2 * * * *)\"")).singleElement().asString()
                .contains("arcs[0].schedule:").contains("exactly one of day-of-month and day-of-week");
    }

    @Test
    void aTriggerOnAScheduledJoinIsRefused() throws IOException {
        assertThat(problems(TWO, ", \"schedule\": \"rate(1 hour)\", \"trigger\": \"all\"")).singleElement()
                .asString().contains("arcs[0].trigger: arc join runs on its schedule");
    }

    @Test
    void aScheduledArcWrittenBackAsJsonReadsAgain() throws IOException {
        String json = io.clusterless.json.Json.records().writeValueAsString(new ProjectLoader()
                .loadAll(List.of(ProjectSource.file(write(NONE, ", \"schedule\": \"rate(1 day)\"")))).deployables()
                .get(0));
        assertThat(new ProjectLoader().loadAll(List.of(ProjectSource.text("again.json", json))).deployables()
                .get(0).getArcs().get(0).getSchedule()).isEqualTo("rate(1 day)");
    }

    private Arc<?> arc(String sources, String extra) throws IOException {
        LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(write(sources, extra))));
        return loaded.files().get(0).deployable().getArcs().get(0);
    }

    private List<String> problems(String sources, String extra) throws IOException {
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(write(sources, extra))));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(this::line).toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(this::line).toList();
        }
    }

    private String line(Problem problem) {
        return problem.format().replace(project + "/", "");
    }

    private Path write(String sources, String extra) throws IOException {
        String text = """
                {
                  "project": {"name": "Sched", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "boundaries": [
                    {"type": "aws:core:s3PutListenerBoundary", "name": "orders", "lotUnit": "Hours", "eventArrival": "infrequent", "dataset": {"name": "orders", "version": "1", "pathURI": "s3://sched-data/orders/"}},
                    {"type": "aws:core:s3PutListenerBoundary", "name": "payments", "lotUnit": "Hours", "eventArrival": "infrequent", "dataset": {"name": "payments", "version": "1", "pathURI": "s3://sched-data/payments/"}}],
                  "arcs": [{"type": "aws:core:s3CopyArc", "name": "join", "sources": SOURCES, "sinks": {"main": {"name": "joined", "version": "1", "pathURI": "s3://sched-data/joined/"}}EXTRA}]
                }
                """.replace("SOURCES", sources).replace("EXTRA", extra);
        Path file = project.resolve("project.json");
        Files.writeString(file, text);
        return file;
    }
}
