package io.clusterless.uri;

import io.clusterless.json.Json;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectURITest {
    private static final String BUCKET = "dev-clusterless-metadata-123456789012-us-west-2";
    private final ProjectURI full = new ProjectURI(BUCKET, "S3Simple", "20230101-00");

    @Test
    void identifierNamesTheProjectObjectWithTheNameAsDeclared() {
        assertThat(full.identifier())
                .isEqualTo("s3://" + BUCKET + "/projects/name=S3Simple/version=20230101-00/project.json");
        assertThat(full.key()).isEqualTo("projects/name=S3Simple/version=20230101-00/project.json");
    }

    @Test
    void pathAndPrefixStopBeforeTheFileName() {
        assertThat(full.path()).isEqualTo("s3://" + BUCKET + "/projects/name=S3Simple/version=20230101-00/");
        assertThat(full.prefix()).isEqualTo("s3://" + BUCKET + "/projects/name=S3Simple/version=20230101-00");
    }

    @Test
    void pathIsTruncatedAtTheFirstMissingPart() {
        assertThat(ProjectURI.of(BUCKET).path()).isEqualTo("s3://" + BUCKET + "/projects/");
        assertThat(ProjectURI.of(BUCKET).withProjectName("S3Simple").path())
                .isEqualTo("s3://" + BUCKET + "/projects/name=S3Simple/");
        assertThat(ProjectURI.of(BUCKET).withProjectVersion("1").path())
                .as("a version without a name cannot narrow the listing").isEqualTo("s3://" + BUCKET + "/projects/");
        assertThat(ProjectURI.of(BUCKET).prefix()).isEqualTo("s3://" + BUCKET + "/projects");
    }

    @Test
    void templateShowsMissingPartsAsVariables() {
        assertThat(ProjectURI.of(BUCKET).template()).isEqualTo(
                "s3://" + BUCKET + "/projects/name={projectName}/version={projectVersion}/project.json");
        assertThat(full.template()).isEqualTo(full.identifier());
    }

    @Test
    void identifierOfAnIncompleteUriSaysWhatIsMissing() {
        ProjectURI partial = ProjectURI.of(BUCKET).withProjectName("p");

        assertThatThrownBy(partial::identifier)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot name the object s3://" + BUCKET
                        + "/projects/name=p/version={projectVersion}/project.json: {projectVersion} is missing");
        assertThatThrownBy(partial::key).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s3://" + BUCKET + "/projects/name=S3Simple/version=20230101-00/project.json",
            "s3://" + BUCKET + "//projects//name=S3Simple/version=20230101-00///project.json",
            "s3://" + BUCKET + "/projects/name=S3Simple/version=20230101-00/",
            "s3://" + BUCKET + "/projects/name=S3Simple/version=20230101-00",
    })
    void parseReadsEveryRenderingWithABucket(String text) {
        assertThat(ProjectURI.parse(text)).isEqualTo(full);
    }

    @Test
    void parseReadsAbsoluteAndRelativeKeysWithoutABucket() {
        ProjectURI expected = new ProjectURI(null, "S3Simple", "20230101-00");

        assertThat(ProjectURI.parse("/projects/name=S3Simple/version=20230101-00/project.json")).isEqualTo(expected);
        assertThat(ProjectURI.parse("projects/name=S3Simple/version=20230101-00/project.json")).isEqualTo(expected);
    }

    @Test
    void withoutABucketRenderingsAreAbsoluteKeys() {
        ProjectURI keyOnly = ProjectURI.parse("projects/name=p/version=1/project.json");

        assertThat(keyOnly.identifier()).isEqualTo("/projects/name=p/version=1/project.json");
        assertThat(keyOnly.withBucket(BUCKET).identifier())
                .isEqualTo("s3://" + BUCKET + "/projects/name=p/version=1/project.json");
    }

    @Test
    void parseReadsTemplatesBackWithTheVariablesAbsent() {
        ProjectURI template = ProjectURI.of(BUCKET);

        assertThat(ProjectURI.parse(template.template())).isEqualTo(template);
        assertThat(ProjectURI.parse(ProjectURI.of(BUCKET).path())).isEqualTo(template);
    }

    @Test
    void parseRejectsOtherLayoutsSayingWhatWasExpected() {
        assertThatThrownBy(() -> ProjectURI.parse("s3://b/arcs/project=p/version=1/arc=a/arc.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a project URI: s3://b/arcs/project=p/version=1/arc=a/arc.json, the key must start with "
                        + "projects/; expected " + ProjectURI.LAYOUT);
        assertThatThrownBy(() -> ProjectURI.parse("projects/version=1/name=p/project.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'version=1' where name=… belongs");
        assertThatThrownBy(() -> ProjectURI.parse("projects/name=p/version=1/deployable.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'deployable.json' where project.json belongs");
        assertThatThrownBy(() -> ProjectURI.parse("projects/name=p/version=1/project.json/extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected 'extra' at the end");
        assertThatThrownBy(() -> ProjectURI.parse("gs://b/projects/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only s3:// URIs or keys are accepted");
        assertThatThrownBy(() -> ProjectURI.parse("s3:///projects/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the bucket is missing");
        assertThatThrownBy(() -> ProjectURI.parse(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project URI is missing, expected " + ProjectURI.LAYOUT);
    }

    @Test
    void partsThatWouldBreakTheLayoutAreRejected() {
        assertThatThrownBy(() -> ProjectURI.of(BUCKET).withProjectName("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("projectName must be non-blank and contain no '/', '{' or '}': 'a/b'");
        assertThatThrownBy(() -> ProjectURI.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        ProjectURI base = ProjectURI.of(BUCKET);
        ProjectURI named = base.withProjectName("p");

        assertThat(base.projectName()).isNull();
        assertThat(named.projectName()).isEqualTo("p");
    }

    @Test
    void ofPlacementUsesTheMetadataBucket() {
        ProjectURI uri = ProjectURI.of(new PlacementNames("dev", "123456789012", "us-west-2"));

        assertThat(uri.bucket()).isEqualTo(BUCKET);
        assertThat(uri.storeKind()).isEqualTo(StoreKind.METADATA);
    }

    @Test
    void serialisesToJsonAsItsTemplateAndBack() throws Exception {
        String json = Json.records().writeValueAsString(ProjectURI.of(BUCKET));

        assertThat(json).isEqualTo("\"s3://" + BUCKET + "/projects/name={projectName}/version={projectVersion}/project.json\"");
        assertThat(Json.records().readValue(json, ProjectURI.class)).isEqualTo(ProjectURI.of(BUCKET));
        assertThat(Json.records().readValue(Json.records().writeValueAsString(full), ProjectURI.class)).isEqualTo(full);
    }

    @Test
    void toStringIsTheTemplate() {
        assertThat(ProjectURI.of(BUCKET)).hasToString(ProjectURI.of(BUCKET).template());
    }
}
