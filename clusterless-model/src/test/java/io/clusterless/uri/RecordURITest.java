package io.clusterless.uri;

import io.clusterless.json.Json;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records of the metadata store kept per name and version (reference §4.2), shown with the project record. */
class RecordURITest {
    private static final String BUCKET = "dev-clusterless-metadata-123456789012-us-west-2";
    private final RecordURI full = RecordURI.of(RecordKind.PROJECT, BUCKET, "S3Simple", "20230101-00");

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
        assertThat(RecordURI.of(RecordKind.PROJECT, BUCKET).path()).isEqualTo("s3://" + BUCKET + "/projects/");
        assertThat(RecordURI.of(RecordKind.PROJECT, BUCKET).withName("S3Simple").path())
                .isEqualTo("s3://" + BUCKET + "/projects/name=S3Simple/");
        assertThat(RecordURI.of(RecordKind.PROJECT, BUCKET).withVersion("1").path())
                .as("a version without a name cannot narrow the listing").isEqualTo("s3://" + BUCKET + "/projects/");
        assertThat(RecordURI.of(RecordKind.PROJECT, BUCKET).prefix()).isEqualTo("s3://" + BUCKET + "/projects");
    }

    @Test
    void templateShowsMissingPartsAsVariables() {
        assertThat(RecordURI.of(RecordKind.PROJECT, BUCKET).template()).isEqualTo(
                "s3://" + BUCKET + "/projects/name={projectName}/version={projectVersion}/project.json");
        assertThat(full.template()).isEqualTo(full.identifier());
    }

    @Test
    void identifierOfAnIncompleteUriSaysWhatIsMissing() {
        RecordURI partial = RecordURI.of(RecordKind.PROJECT, BUCKET).withName("p");

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
        assertThat(RecordURI.parse(RecordKind.PROJECT, text)).isEqualTo(full);
    }

    @Test
    void parseReadsAbsoluteAndRelativeKeysWithoutABucket() {
        RecordURI expected = RecordURI.of(RecordKind.PROJECT, null, "S3Simple", "20230101-00");

        assertThat(RecordURI.parse(RecordKind.PROJECT, "/projects/name=S3Simple/version=20230101-00/project.json")).isEqualTo(expected);
        assertThat(RecordURI.parse(RecordKind.PROJECT, "projects/name=S3Simple/version=20230101-00/project.json")).isEqualTo(expected);
    }

    @Test
    void withoutABucketRenderingsAreAbsoluteKeys() {
        RecordURI keyOnly = RecordURI.parse(RecordKind.PROJECT, "projects/name=p/version=1/project.json");

        assertThat(keyOnly.identifier()).isEqualTo("/projects/name=p/version=1/project.json");
        assertThat(keyOnly.withBucket(BUCKET).identifier())
                .isEqualTo("s3://" + BUCKET + "/projects/name=p/version=1/project.json");
    }

    @Test
    void parseReadsTemplatesBackWithTheVariablesAbsent() {
        RecordURI template = RecordURI.of(RecordKind.PROJECT, BUCKET);

        assertThat(RecordURI.parse(RecordKind.PROJECT, template.template())).isEqualTo(template);
        assertThat(RecordURI.parse(RecordKind.PROJECT, RecordURI.of(RecordKind.PROJECT, BUCKET).path())).isEqualTo(template);
    }

    @Test
    void parseRejectsOtherLayoutsSayingWhatWasExpected() {
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, "s3://b/arcs/project=p/version=1/arc=a/arc.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a project URI: s3://b/arcs/project=p/version=1/arc=a/arc.json, the key must start with "
                        + "projects/; expected " + RecordKind.PROJECT.layout());
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, "projects/version=1/name=p/project.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'version=1' where name=… belongs");
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, "projects/name=p/version=1/deployable.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'deployable.json' where project.json belongs");
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, "projects/name=p/version=1/project.json/extra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected 'extra' at the end");
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, "gs://b/projects/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only s3:// URIs or keys are accepted");
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, "s3:///projects/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the bucket is missing");
        assertThatThrownBy(() -> RecordURI.parse(RecordKind.PROJECT, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("project URI is missing, expected " + RecordKind.PROJECT.layout());
    }

    @Test
    void partsThatWouldBreakTheLayoutAreRejected() {
        assertThatThrownBy(() -> RecordURI.of(RecordKind.PROJECT, BUCKET).withName("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("projectName must be non-blank and contain no '/', '{' or '}': 'a/b'");
        assertThatThrownBy(() -> RecordURI.of(RecordKind.PROJECT, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withCopiesLeaveTheOriginalUnchanged() {
        RecordURI base = RecordURI.of(RecordKind.PROJECT, BUCKET);
        RecordURI named = base.withName("p");

        assertThat(base.name()).isNull();
        assertThat(named.name()).isEqualTo("p");
    }

    @Test
    void ofPlacementUsesTheMetadataBucket() {
        RecordURI uri = RecordURI.of(RecordKind.PROJECT, new PlacementNames("dev", "123456789012", "us-west-2"));

        assertThat(uri.bucket()).isEqualTo(BUCKET);
        assertThat(uri.storeKind()).isEqualTo(StoreKind.METADATA);
    }

    @Test
    void serialisesToJsonAsItsTemplateAndBack() throws Exception {
        String json = Json.records().writeValueAsString(RecordURI.of(RecordKind.PROJECT, BUCKET));

        assertThat(json).isEqualTo("\"s3://" + BUCKET + "/projects/name={projectName}/version={projectVersion}/project.json\"");
        assertThat(Json.records().readValue(json, RecordURI.class)).isEqualTo(RecordURI.of(RecordKind.PROJECT, BUCKET));
        assertThat(Json.records().readValue(Json.records().writeValueAsString(full), RecordURI.class)).isEqualTo(full);
    }

    @Test
    void toStringIsTheTemplate() {
        assertThat(RecordURI.of(RecordKind.PROJECT, BUCKET)).hasToString(RecordURI.of(RecordKind.PROJECT, BUCKET).template());
    }
}
