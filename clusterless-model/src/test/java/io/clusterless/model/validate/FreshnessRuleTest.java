package io.clusterless.model.validate;

import io.clusterless.model.Freshness;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import io.clusterless.model.load.SourceFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code freshness} on a boundary's dataset or an arc's sink (issue 19). */
class FreshnessRuleTest {
    private static final String RAW = "\"pathURI\": \"s3://dev-demo-data/raw/\"}";
    private static final String COPIED = "\"pathURI\": \"s3://dev-demo-data/copied/\"}";

    @Test
    void targetsOnADatasetAndASink_loadAndValidate() {
        LoadedProject project = load(SampleProjects.BASE
                .replace(RAW, "\"pathURI\": \"s3://dev-demo-data/raw/\", \"freshness\": {\"warnAfter\": \"PT30M\", "
                        + "\"errorAfter\": \"PT2H\"}}")
                .replace(COPIED, "\"pathURI\": \"s3://dev-demo-data/copied/\", \"freshness\": {\"errorAfter\": \"P1D\"}}"));

        assertThat(problems(project)).isEmpty();
        var deployable = project.files().get(0).deployable();
        Freshness raw = deployable.getBoundaries().get(0).getDataset().getFreshness();
        assertThat(raw.warnAfterDuration()).contains(Duration.ofMinutes(30));
        assertThat(raw.errorAfterDuration()).contains(Duration.ofHours(2));
        assertThat(deployable.getArcs().get(0).getSinks().get("main").getFreshness().warnAfterDuration()).isEmpty();
    }

    @Test
    void withoutTargets_theDatasetHasNone() {
        assertThat(load(SampleProjects.BASE).files().get(0).deployable().getBoundaries().get(0).getDataset()
                .getFreshness()).isNull();
    }

    @Test
    void badDurations_areRefusedAtTheirField_withAnExample() {
        List<String> problems = problems(load(SampleProjects.BASE.replace(RAW, "\"pathURI\": "
                + "\"s3://dev-demo-data/raw/\", \"freshness\": {\"warnAfter\": \"30 minutes\", \"errorAfter\": \"-PT1H\"}}")));

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("boundaries[0].dataset.freshness.warnAfter: freshness warnAfter "
                + "\"30 minutes\" is not an ISO-8601 duration; write e.g. PT30M");
        assertThat(problems.get(1)).contains("boundaries[0].dataset.freshness.errorAfter: freshness errorAfter "
                + "\"-PT1H\" must be longer than zero");
    }

    @Test
    void aWarningAfterTheError_orNeither_isRefused() {
        assertThat(problems(load(SampleProjects.BASE.replace(COPIED, "\"pathURI\": \"s3://dev-demo-data/copied/\", "
                + "\"freshness\": {\"warnAfter\": \"PT3H\", \"errorAfter\": \"PT2H\"}}")))).singleElement().asString()
                .contains("arcs[0].sinks.main.freshness.warnAfter: freshness warnAfter PT3H is later than errorAfter PT2H");
        assertThat(problems(load(SampleProjects.BASE.replace(COPIED, "\"pathURI\": \"s3://dev-demo-data/copied/\", "
                + "\"freshness\": {}}")))).singleElement().asString()
                .contains("arcs[0].sinks.main.freshness: freshness sets neither warnAfter nor errorAfter");
    }

    private static final String PLACEMENT = "\"placement\": {";
    private static final String TOPIC = "\"freshnessTopic\": {\"topicName\": \"%s\"}, \"placement\": {";

    @Test
    void aFreshnessTopic_loadsWithTargets() {
        LoadedProject project = load(SampleProjects.BASE.replace(PLACEMENT, TOPIC.formatted("demo-freshness"))
                .replace(COPIED, "\"pathURI\": \"s3://dev-demo-data/copied/\", \"freshness\": {\"errorAfter\": \"P1D\"}}"));

        assertThat(problems(project)).isEmpty();
        assertThat(project.files().get(0).deployable().getFreshnessTopic().getTopicName()).isEqualTo("demo-freshness");
        assertThat(load(SampleProjects.BASE).files().get(0).deployable().getFreshnessTopic()).isNull();
    }

    @Test
    void aFreshnessTopic_withABadName_orNothingToTell_isRefusedAtItsField() {
        List<String> problems = problems(load(SampleProjects.BASE.replace(PLACEMENT, TOPIC.formatted("no spaces"))));

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("freshnessTopic.topicName: freshnessTopic "
                + "topicName \"no spaces\" is not an SNS topic name; use up to 256 letters, digits, - and _"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("freshnessTopic: freshnessTopic is declared but "
                + "no dataset of the project has freshness targets"));
    }

    private static LoadedProject load(String text) {
        return new ProjectLoader().loadAll(List.of(ProjectSource.text("project.json", text, SourceFormat.JSON)));
    }

    private static List<String> problems(LoadedProject project) {
        return new ProjectValidator().validate(project, new ValidationOptions(false, false)).stream()
                .map(p -> p.format()).toList();
    }
}
