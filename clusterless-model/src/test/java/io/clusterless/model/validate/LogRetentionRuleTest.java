package io.clusterless.model.validate;

import io.clusterless.model.Placement;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import io.clusterless.model.load.SourceFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code placement.logRetentionDays}: optional, 30 by default, one of CloudWatch's values, one per project. */
class LogRetentionRuleTest {
    private static final String PLACEMENT = "\"region\": \"us-west-2\"}";

    @Test
    void absent_loadsAsBefore_andMeansThirtyDays() {
        LoadedProject project = load(SampleProjects.BASE);

        assertThat(problems(project)).isEmpty();
        Placement placement = project.files().get(0).deployable().getPlacement();
        assertThat(placement.getLogRetentionDays()).isNull();
        assertThat(placement.logRetentionDays()).isEqualTo(30);
    }

    @Test
    void aCloudWatchValue_isKept() {
        LoadedProject project = load(retention("365"));

        assertThat(problems(project)).isEmpty();
        assertThat(project.files().get(0).deployable().getPlacement().logRetentionDays()).isEqualTo(365);
    }

    @Test
    void anyOtherValue_isRefusedAtItsField_namingTheAllowedValues() {
        assertThat(problems(load(retention("10")))).singleElement().asString()
                .startsWith("project.json:3:")
                .contains("placement.logRetentionDays: logRetentionDays 10 is not a CloudWatch Logs retention; use "
                        + "one of [1, 3, 5, 7, 14, 30, 60");
        assertThat(problems(load(retention("0")))).hasSize(1);
    }

    @Test
    void filesOfOneProject_mustAgree() {
        LoadedProject project = new ProjectLoader().loadAll(List.of(
                ProjectSource.text("a.json", retention("14"), SourceFormat.JSON),
                ProjectSource.text("b.json", SampleProjects.BASE.replace("\"name\": \"ingress\"", "\"name\": \"other\"")
                        .replace("\"name\": \"copy\"", "\"name\": \"copy2\"")
                        .replace("\"name\": \"convert\"", "\"name\": \"convert2\"")
                        .replace("\"name\": \"partitions\"", "\"name\": \"partitions2\""), SourceFormat.JSON)));

        assertThat(problems(project)).anyMatch(p -> p.contains("all project files must have the same "
                + "logRetentionDays: a.json has 14, this file has 30"));
    }

    private static String retention(String days) {
        return SampleProjects.BASE.replace(PLACEMENT, "\"region\": \"us-west-2\", \"logRetentionDays\": " + days + "}");
    }

    private static LoadedProject load(String text) {
        return new ProjectLoader().loadAll(List.of(ProjectSource.text("project.json", text, SourceFormat.JSON)));
    }

    private static List<String> problems(LoadedProject project) {
        // the sample is text, with no folder beside it for its batch arc's imagePath: local files are not judged
        return new ProjectValidator().validate(project, new ValidationOptions(false, false)).stream()
                .map(p -> p.format()).toList();
    }
}
