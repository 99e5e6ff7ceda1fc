package io.clusterless.uri;

import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestURITest {
    private static final String BUCKET = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final String DATASET = "s3://" + BUCKET + "/datasets/name=ingress/version=20220101";
    private final ManifestURI ingress = ManifestURI.of(BUCKET, new SinkDataset("ingress", "20220101", "s3://b/ingress/"));

    @Test
    void templateIsTheDocumentedRfc6570Form() {
        assertThat(ingress.template())
                .isEqualTo(DATASET + "/lot={lot}/state={state}{/attempt*}/manifest.json");
    }

    @Test
    void templateWithAStateThatHasNoAttemptsHasNoAttemptExpression() {
        // sourceManifestPaths fix the state to complete
        assertThat(ingress.withState(ManifestState.complete).template())
                .isEqualTo(DATASET + "/lot={lot}/state=complete/manifest.json");
        assertThat(ingress.withState(ManifestState.partial).template())
                .isEqualTo(DATASET + "/lot={lot}/state=partial{/attempt*}/manifest.json");
    }

    @Test
    void completeAndEmptyManifestsHaveNoAttempt() {
        ManifestURI lot = ingress.withLot("20230227PT5M287");

        assertThat(lot.withState(ManifestState.complete).identifier())
                .isEqualTo(DATASET + "/lot=20230227PT5M287/state=complete/manifest.json");
        assertThat(lot.withState(ManifestState.empty).identifier())
                .isEqualTo(DATASET + "/lot=20230227PT5M287/state=empty/manifest.json");
    }

    @Test
    void partialAndRemovedManifestsLiveUnderTheirAttempt() {
        ManifestURI partial = ingress.withLot("20230227PT5M287").withState(ManifestState.partial).withAttempt("req-1");

        assertThat(partial.identifier())
                .isEqualTo(DATASET + "/lot=20230227PT5M287/state=partial/attempt=req-1/manifest.json");
        assertThat(partial.path()).isEqualTo(DATASET + "/lot=20230227PT5M287/state=partial/attempt=req-1/");
        assertThat(partial.withState(ManifestState.removed).key())
                .isEqualTo("datasets/name=ingress/version=20220101/lot=20230227PT5M287/state=removed/attempt=req-1/manifest.json");
    }

    @Test
    void aPartialManifestWithoutAttemptCannotBeNamed() {
        ManifestURI partial = ingress.withLot("20230227PT5M287").withState(ManifestState.partial);

        assertThatThrownBy(partial::identifier)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("{attempt} is missing");
        assertThat(partial.path()).as("lists all attempts").isEqualTo(DATASET + "/lot=20230227PT5M287/state=partial/");
    }

    @Test
    void aDatasetIdNamesTheDatasetsManifests() {
        assertThat(ManifestURI.ofDatasetId(BUCKET, "ingress/20220101"))
                .isEqualTo(ManifestURI.of(BUCKET).withDatasetName("ingress").withDatasetVersion("20220101"));
        assertThatThrownBy(() -> ManifestURI.ofDatasetId(BUCKET, "ingress"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dataset id is name/version, found: ingress");
        assertThatThrownBy(() -> ManifestURI.ofDatasetId(BUCKET, "ingress/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCompleteManifestUnderAnAttemptIsSuperseded() {
        ManifestURI current = ingress.withLot("20230227PT5M287").withState(ManifestState.complete);
        ManifestURI superseded = current.withAttempt("a1");

        assertThat(current.currentFinal()).isTrue();
        assertThat(current.superseded()).isFalse();
        assertThat(current.identifier()).isEqualTo(DATASET + "/lot=20230227PT5M287/state=complete/manifest.json");
        assertThat(superseded.superseded()).isTrue();
        assertThat(superseded.currentFinal()).isFalse();
        assertThat(superseded.identifier())
                .isEqualTo(DATASET + "/lot=20230227PT5M287/state=complete/attempt=a1/manifest.json");
        assertThat(ManifestURI.parse(superseded.identifier())).isEqualTo(superseded);
        assertThat(current.withState(ManifestState.partial).withAttempt("a1").superseded()).isFalse();
        assertThat(current.withState(ManifestState.complete).template())
                .as("a current final manifest's template has no attempt segment")
                .doesNotContain("attempt");
    }

    @Test
    void pathIsTruncatedAtTheFirstMissingPart() {
        assertThat(ingress.path()).isEqualTo(DATASET + "/");
        assertThat(ingress.withLot("20230227PT5M287").prefix()).isEqualTo(DATASET + "/lot=20230227PT5M287");
        assertThat(ingress.withState(ManifestState.complete).path()).isEqualTo(DATASET + "/");
        assertThat(ManifestURI.of(BUCKET).path()).isEqualTo("s3://" + BUCKET + "/datasets/");
    }

    @Test
    void parseReadsEveryRendering() {
        ManifestURI complete = ingress.withLot("20230227PT5M287").withState(ManifestState.complete);
        ManifestURI partial = ingress.withLot("20230227PT5M287").withState(ManifestState.partial).withAttempt("17");

        assertThat(ManifestURI.parse(complete.identifier())).isEqualTo(complete);
        assertThat(ManifestURI.parse(partial.identifier())).isEqualTo(partial);
        assertThat(ManifestURI.parse(partial.path())).isEqualTo(partial);
        assertThat(ManifestURI.parse(ingress.template())).isEqualTo(ingress);
        assertThat(ManifestURI.parse(ingress.withState(ManifestState.complete).template()))
                .isEqualTo(ingress.withState(ManifestState.complete));
        assertThat(ManifestURI.parse("/" + complete.key())).isEqualTo(complete.withBucket(null));
        assertThat(ManifestURI.parse(complete.key())).isEqualTo(complete.withBucket(null));
    }

    @Test
    void parseReadsAnAttemptExpandedFromAPlainString() {
        // A generic RFC 6570 library expands {/attempt*} with a string value to "/<id>".
        ManifestURI parsed = ManifestURI.parse(DATASET + "/lot=20230227PT5M287/state=partial/17/manifest.json");

        assertThat(parsed.attempt()).isEqualTo("17");
    }

    @Test
    void parseRejectsUnknownStatesAndStrayParts() {
        assertThatThrownBy(() -> ManifestURI.parse(DATASET + "/lot=L/state=done/manifest.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown manifest state: done");
        assertThatThrownBy(() -> ManifestURI.parse(DATASET + "/lot=L/state=partial/a/b/manifest.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'a' where attempt=<id> or manifest.json belongs");
        assertThatThrownBy(() -> ManifestURI.parse(DATASET + "/lot=L/manifest.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'manifest.json' where state=… belongs");
    }

    @Test
    void expandingTheTemplateGivesTheSameObjectAsTheWithers() {
        String expanded = UriTemplates.expand(ingress.template(), Map.of("lot", "20230227PT5M287", "state", "partial",
                "attempt", Map.of("attempt", "17")));

        assertThat(expanded).isEqualTo(ingress.withLot("20230227PT5M287").withState(ManifestState.partial)
                .withAttempt("17").identifier());
        assertThat(UriTemplates.expand(ingress.template(), Map.of("lot", "20230227PT5M287", "state", "complete")))
                .isEqualTo(ingress.withLot("20230227PT5M287").withState(ManifestState.complete).identifier());
    }

    @Test
    void withLotAcceptsALotId() {
        assertThat(ingress.withLot(LotId.parse("20230227PT5M287")).lot()).isEqualTo("20230227PT5M287");
    }

    @Test
    void ofPlacementUsesTheManifestBucket() {
        ManifestURI uri = ManifestURI.of(new PlacementNames("dev", "123456789012", "us-west-2"));

        assertThat(uri.bucket()).isEqualTo(BUCKET);
        assertThat(uri.storeKind()).isEqualTo(StoreKind.MANIFEST);
    }

    @Test
    void serialisesToJsonAsItsTemplateAndBack() throws Exception {
        String json = Json.records().writeValueAsString(ingress);

        assertThat(json).isEqualTo("\"" + DATASET + "/lot={lot}/state={state}{/attempt*}/manifest.json\"");
        assertThat(Json.records().readValue(json, ManifestURI.class)).isEqualTo(ingress);
    }
}
