package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.ArcTrigger;
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

/** What `cls validate` says about an arc's {@code trigger} (ADR-0011). */
class TriggerRuleTest {
    private static final String TWO = "{\"orders\": {\"name\": \"orders\", \"version\": \"1\"}, "
            + "\"payments\": {\"name\": \"payments\", \"version\": \"1\"}}";
    private static final String ONE = "{\"orders\": {\"name\": \"orders\", \"version\": \"1\"}}";
    private static final String ONE_SUBSCRIBED = "{\"orders\": {\"name\": \"orders\", \"version\": \"1\"}, "
            + "\"payments\": {\"name\": \"payments\", \"version\": \"1\", \"subscribe\": false}}";

    @TempDir
    Path project;

    @Test
    void aJoinOfTwoSourcesMayNameEitherTrigger_andDefaultsToAll() throws IOException {
        assertThat(problems(TWO, "")).isEmpty();
        assertThat(problems(TWO, ", \"trigger\": \"all\"")).isEmpty();
        assertThat(problems(TWO, ", \"trigger\": \"any\"")).isEmpty();
        assertThat(arc(TWO, "").getTrigger()).isNull();
        assertThat(arc(TWO, "").joinsSources()).isTrue();
        assertThat(arc(TWO, ", \"trigger\": \"any\"").joinsSources()).isFalse();
        assertThat(arc(ONE, "").joinsSources()).isFalse();
        assertThat(arc(TWO, ", \"trigger\": \"all\"").getTrigger()).isEqualTo(ArcTrigger.all);
    }

    @Test
    void triggerOnASingleSourceArcIsOneLocatedLine() throws IOException {
        assertThat(problems(ONE, ", \"trigger\": \"all\"")).containsExactly("project.json:7:221: arcs[0].trigger: "
                + "trigger \"all\" applies to arcs with two or more subscribed sources; arc join has 1, so remove "
                + "\"trigger\"");
    }

    @Test
    void aSecondSourceThatDoesNotSubscribeDoesNotMakeAJoin() throws IOException {
        assertThat(problems(ONE_SUBSCRIBED, ", \"trigger\": \"any\"")).singleElement().asString()
                .contains("arcs[0].trigger: trigger \"any\" applies to arcs with two or more subscribed sources");
        assertThat(arc(ONE_SUBSCRIBED, "").joinsSources()).isFalse();
    }

    @Test
    void anUnknownTriggerIsRefusedNamingTheKnownOnes() throws IOException {
        assertThat(problems(TWO, ", \"trigger\": \"both\"")).singleElement().asString()
                .startsWith("project.json:7:").contains("arcs[0].trigger").contains("\"both\"")
                .contains("all").contains("any");
    }

    @Test
    void anArcWrittenBackAsJsonReadsAgain_withOrWithoutATrigger() throws IOException {
        // deploy records keep the project as JSON and --deployed reads it back
        for (String trigger : List.of("", ", \"trigger\": \"any\"")) {
            String json = io.clusterless.json.Json.records().writeValueAsString(new ProjectLoader()
                    .loadAll(List.of(ProjectSource.file(write(TWO, trigger)))).deployables().get(0));
            assertThat(json.contains("trigger")).isEqualTo(!trigger.isEmpty());
            assertThat(new ProjectLoader().loadAll(List.of(ProjectSource.text("again.json", json))).deployables()
                    .get(0).getArcs().get(0).getTrigger()).isEqualTo(trigger.isEmpty() ? null : ArcTrigger.any);
        }
    }

    @Test
    void anArcMayDeclareItsOwnLotUnit_andAnUnknownOneIsOneLocatedLine() throws IOException {
        // the unit is accepted; an s3CopyArc cannot roll up (RollUpRule, ADR-0012), which is the only problem
        assertThat(problems(ONE, ", \"lotUnit\": \"Hours\"")).singleElement().asString()
                .contains("arcs[0].lotUnit: arc join of type aws:core:s3CopyArc reads one source lot's manifest");
        assertThat(arc(ONE, ", \"lotUnit\": \"Days\"").getLotUnit()).isEqualTo("Days");
        assertThat(arc(ONE, "").getLotUnit()).isNull();
        assertThat(problems(ONE, ", \"lotUnit\": \"Weeks\"")).first().asString()
                .startsWith("project.json:7:").contains("arcs[0].lotUnit: unsupported lotUnit \"Weeks\"")
                .contains("Hours or Days");
    }

    private Arc<?> arc(String sources, String trigger) throws IOException {
        LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(write(sources, trigger))));
        return loaded.files().get(0).deployable().getArcs().get(0);
    }

    /** The problems as `cls validate` prints them, one line each. */
    private List<String> problems(String sources, String trigger) throws IOException {
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(write(sources, trigger))));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(this::line).toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(this::line).toList();
        }
    }

    private String line(Problem problem) {
        return problem.format().replace(project + "/", "");
    }

    private Path write(String sources, String trigger) throws IOException {
        String text = """
                {
                  "project": {"name": "Join", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "boundaries": [
                    {"type": "aws:core:s3PutListenerBoundary", "name": "orders", "lotUnit": "Twelfths", "eventArrival": "infrequent", "dataset": {"name": "orders", "version": "1", "pathURI": "s3://join-data/orders/"}},
                    {"type": "aws:core:s3PutListenerBoundary", "name": "payments", "lotUnit": "Twelfths", "eventArrival": "infrequent", "dataset": {"name": "payments", "version": "1", "pathURI": "s3://join-data/payments/"}}],
                  "arcs": [{"type": "aws:core:s3CopyArc", "name": "join", "sources": SOURCES, "sinks": {"main": {"name": "joined", "version": "1", "pathURI": "s3://join-data/joined/"}}TRIGGER}]
                }
                """.replace("SOURCES", sources).replace("TRIGGER", trigger);
        Path file = project.resolve("project.json");
        Files.writeString(file, text);
        return file;
    }
}
