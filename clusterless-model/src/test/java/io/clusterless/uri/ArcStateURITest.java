package io.clusterless.uri;

import io.clusterless.arcstate.ArcState;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArcStateURITest {
    private static final String BUCKET = "prod-clusterless-arc-state-00000000-us-west-2";
    private static final String EXAMPLE = "s3://" + BUCKET
            + "/arcs/project=test-project/version=20230101/arc=arc1/lot=20211112PT5M000/running.arc";
    private final ArcStateURI arc = ArcStateURI.of(BUCKET, "test-project", "20230101", "arc1");

    @Test
    void identifierReproducesTheDocumentedExample() {
        ArcStateURI running = arc.withLot("20211112PT5M000").withState(ArcState.running);

        assertThat(running.identifier()).isEqualTo(EXAMPLE);
        assertThat(running.key())
                .isEqualTo("arcs/project=test-project/version=20230101/arc=arc1/lot=20211112PT5M000/running.arc");
    }

    @Test
    void templateLeavesLotAndStateOpen() {
        assertThat(arc.template()).isEqualTo(
                "s3://" + BUCKET + "/arcs/project=test-project/version=20230101/arc=arc1/lot={lot}/{state}.arc");
        assertThat(ArcStateURI.of(BUCKET).template()).isEqualTo("s3://" + BUCKET
                + "/arcs/project={projectName}/version={projectVersion}/arc={arcName}/lot={lot}/{state}.arc");
    }

    @Test
    void pathOfALotIsTheDirectoryToListForItsState() {
        ArcStateURI lot = arc.withLot(LotId.parse("20211112PT5M000"));

        assertThat(lot.path()).isEqualTo(
                "s3://" + BUCKET + "/arcs/project=test-project/version=20230101/arc=arc1/lot=20211112PT5M000/");
        assertThat(lot.withState(ArcState.complete).path()).as("the state is in the file name, not the path")
                .isEqualTo(lot.path());
        assertThat(arc.path()).isEqualTo("s3://" + BUCKET + "/arcs/project=test-project/version=20230101/arc=arc1/");
    }

    @Test
    void identifierNeedsLotAndState() {
        assertThatThrownBy(() -> arc.withLot("20211112PT5M000").identifier())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("lot=20211112PT5M000/{state}.arc: {state} is missing");
        assertThatThrownBy(() -> arc.withState(ArcState.running).identifier())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("{lot} is missing");
    }

    @Test
    void parseReadsListedKeys() {
        ArcStateURI parsed = ArcStateURI.parse(EXAMPLE);

        assertThat(parsed.bucket()).isEqualTo(BUCKET);
        assertThat(parsed.projectName()).isEqualTo("test-project");
        assertThat(parsed.projectVersion()).isEqualTo("20230101");
        assertThat(parsed.arcName()).isEqualTo("arc1");
        assertThat(parsed.lot()).isEqualTo("20211112PT5M000");
        assertThat(parsed.state()).isEqualTo(ArcState.running);
        assertThat(ArcStateURI.parse("arcs/project=test-project/version=20230101/arc=arc1/lot=20211112PT5M000/partial.arc")
                .state()).isEqualTo(ArcState.partial);
    }

    @Test
    void anArcNamedLikeAStateDoesNotChangeTheParsedState() {
        // Guards the original's bug: the state was found anywhere in the key.
        ArcStateURI parsed = ArcStateURI.parse("arcs/project=p/version=1/arc=running-x/lot=20211112PT5M000/complete.arc");

        assertThat(parsed.arcName()).isEqualTo("running-x");
        assertThat(parsed.state()).isEqualTo(ArcState.complete);
    }

    @Test
    void parseReadsTemplatesAndPathsBack() {
        assertThat(ArcStateURI.parse(arc.template())).isEqualTo(arc);
        assertThat(ArcStateURI.parse(arc.withLot("20211112PT5M000").path())).isEqualTo(arc.withLot("20211112PT5M000"));
    }

    @Test
    void parseRejectsAFileThatIsNotAStateObject() {
        assertThatThrownBy(() -> ArcStateURI.parse("arcs/project=p/version=1/arc=a/lot=L/running.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("found 'running.json' where <state>.arc belongs");
        assertThatThrownBy(() -> ArcStateURI.parse("arcs/project=p/version=1/arc=a/lot=L/done.arc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an arc state URI: arcs/project=p/version=1/arc=a/lot=L/done.arc, unknown arc state: done");
    }

    @Test
    void ofPlacementUsesTheArcStateBucket() {
        ArcStateURI uri = ArcStateURI.of(new PlacementNames("prod", "00000000", "us-west-2"));

        assertThat(uri.bucket()).isEqualTo(BUCKET);
        assertThat(uri.storeKind()).isEqualTo(StoreKind.ARC_STATE);
    }

    @Test
    void withersReplaceOnePart() {
        ArcStateURI full = ArcStateURI.of(BUCKET).withProjectName("test-project").withProjectVersion("20230101")
                .withArcName("arc1").withLot("20211112PT5M000").withState(ArcState.running);

        assertThat(full).isEqualTo(ArcStateURI.parse(EXAMPLE));
        assertThat(full.withLot((LotId) null).lot()).isNull();
        assertThat(full.withBucket("other").bucket()).isEqualTo("other");
    }

    @Test
    void serialisesToJsonAsItsTemplateAndBack() throws Exception {
        String json = Json.records().writeValueAsString(Map.of("arcStatePath", arc));

        assertThat(Json.records().readTree(json).get("arcStatePath").asText()).isEqualTo(arc.template());
        assertThat(Json.records().readValue("\"" + arc.template() + "\"", ArcStateURI.class)).isEqualTo(arc);
    }
}
