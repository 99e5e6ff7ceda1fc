package io.clusterless.uri;

import io.clusterless.arcstate.ArcState;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys the engine and the substrates derive from store URIs, as the original tool lays them out (reference §4). */
class StoreKeysTest {
    private static final String BUCKET = "dev-clusterless-manifest-123456789012-us-west-2";
    private static final LotId LOT = LotId.parse("20230101PT5M000");
    private final ArcStateURI arc = ArcStateURI.of(BUCKET, "test-project", "20230101", "arc1");
    private final ManifestURI dataset = ManifestURI.of(BUCKET, new SinkDataset("ingress", "20220101", "s3://b/in/"));

    @Test
    void keyPathIsThePathRelativeToTheBucket() {
        assertThat(arc.keyPath()).isEqualTo("arcs/project=test-project/version=20230101/arc=arc1/");
        assertThat(arc.withLot(LOT).keyPath())
                .isEqualTo("arcs/project=test-project/version=20230101/arc=arc1/lot=20230101PT5M000/");
        assertThat(ManifestURI.of(null, new SinkDataset("ingress", "20220101", "s3://b/in/")).keyPath())
                .isEqualTo("datasets/name=ingress/version=20220101/");
        assertThat(ManifestURI.of(BUCKET).keyPath()).isEqualTo("datasets/");
    }

    @Test
    void listPrefixEndsWithTheFirstOpenPartsName() {
        assertThat(arc.listPrefix()).isEqualTo("arcs/project=test-project/version=20230101/arc=arc1/lot=");
        assertThat(dataset.listPrefix()).isEqualTo("datasets/name=ingress/version=20220101/lot=");
        assertThat(ManifestURI.of(BUCKET).listPrefix()).isEqualTo("datasets/name=");
    }

    @Test
    void listPrefixNeedsAnOpenPart() {
        ArcStateURI whole = arc.withLot(LOT).withState(ArcState.running);

        assertThatThrownBy(whole::listPrefix).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no part of");
    }

    @Test
    void attemptEndRecordsSitBesideTheStateTree() {
        assertThat(arc.withLot(LOT).attemptEndKey("a-1")).isEqualTo(
                "arc-attempts/project=test-project/version=20230101/arc=arc1/lot=20230101PT5M000/attempt=a-1.json");
        assertThat(arc.attemptsKeyPath()).isEqualTo("arc-attempts/project=test-project/version=20230101/arc=arc1/");
        assertThatThrownBy(() -> arc.withLot(LOT).attemptEndKey("a/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arc attempt must not contain '/': a/1");
        assertThatThrownBy(() -> arc.attemptEndKey("a-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListedStateObjectIsReadFromItsNameOnly() {
        assertThat(ArcStateURI.stateOfListed("running.arc")).contains(ArcState.running);
        assertThat(ArcStateURI.stateOfListed("Missing.ARC")).contains(ArcState.missing);
        assertThat(ArcStateURI.stateOfListed("running-x.arc")).isEmpty();
        assertThat(ArcStateURI.stateOfListed("notes/running.arc")).isEmpty();
        assertThat(ArcStateURI.stateOfListed("running.json")).isEmpty();
    }

    @Test
    void aListedManifestIsReadFromTheRestOfItsKey() {
        assertThat(ManifestURI.stateOfListed("state=complete/manifest.json")).contains(ManifestState.complete);
        assertThat(ManifestURI.stateOfListed("state=partial/attempt=7/manifest.json")).contains(ManifestState.partial);
        assertThat(ManifestURI.underAttempt("state=partial/attempt=7/manifest.json")).isTrue();
        assertThat(ManifestURI.underAttempt("state=complete/manifest.json")).isFalse();
        assertThat(ManifestURI.stateOfListed("state=odd/manifest.json")).isEqualTo(Optional.empty());
        assertThat(ManifestURI.stateOfListed("boundary.claim")).isEmpty();
        assertThat(ManifestURI.stateOfListed("late/abc.json")).isEmpty();
    }

    @Test
    void everyListedManifestKeyReadsBackAsTheManifestItNames() {
        for (ManifestURI manifest : new ManifestURI[]{
                dataset.withLot(LOT).withState(ManifestState.complete),
                dataset.withLot(LOT).withState(ManifestState.partial).withAttempt("7"),
                dataset.withLot(LOT).withState(ManifestState.complete).withAttempt("7")}) {
            String rest = manifest.key().substring(dataset.withLot(LOT).keyPath().length());

            assertThat(ManifestURI.stateOfListed(rest)).contains(manifest.state());
            assertThat(ManifestURI.underAttempt(rest)).isEqualTo(manifest.attempt() != null);
        }
    }

    @Test
    void boundaryRecordsSitBesideTheDatasetsManifests() {
        BoundaryLedgerKeys keys = new BoundaryLedgerKeys("ingress", "20220101");
        String uri = "s3://b/in/x.json";
        String sha = "6f874798761ce7df70f16ecc3d279493c37db51caca7942862fa9651dce98f7f"; // sha256sum of the URI's UTF-8 bytes

        assertThat(keys.lotKeyPath(LOT)).isEqualTo("datasets/name=ingress/version=20220101/lot=20230101PT5M000/");
        assertThat(keys.claimKey(LOT))
                .isEqualTo("datasets/name=ingress/version=20220101/lot=20230101PT5M000/boundary.claim");
        assertThat(keys.latePrefix(LOT)).isEqualTo("datasets/name=ingress/version=20220101/lot=20230101PT5M000/late/");
        assertThat(keys.lateKey(LOT, uri))
                .isEqualTo("datasets/name=ingress/version=20220101/lot=20230101PT5M000/late/" + sha + ".json");
        assertThat(keys.unassignedKey(uri)).isEqualTo("datasets/name=ingress/version=20220101/unassigned/" + sha + ".json");
        assertThat(keys.sinceKey()).isEqualTo("datasets/name=ingress/version=20220101/boundary.since");
        assertThat(keys.lateKey(LOT, uri + "2")).as("one record per object").isNotEqualTo(keys.lateKey(LOT, uri));
    }

    @Test
    void aLateRecordIsToldFromManifestsBesideIt() {
        BoundaryLedgerKeys keys = new BoundaryLedgerKeys("ingress", "20220101");
        String rest = keys.lateKey(LOT, "s3://b/in/x.json").substring(keys.lotKeyPath(LOT).length());

        assertThat(BoundaryLedgerKeys.isLateRecord(rest)).isTrue();
        assertThat(BoundaryLedgerKeys.isLateRecord("state=complete/manifest.json")).isFalse();
        assertThat(ManifestURI.stateOfListed(rest)).isEmpty();
    }

    @Test
    void aListenerChangeIsKeyedByProjectVersionComponentAndTime() {
        ListenerChangeURI copy = ListenerChangeURI.of("meta", "s", "1", "copy");
        Instant at = Instant.parse("2023-01-01T00:01:00Z");

        assertThat(copy.withAt(at).key()).isEqualTo("listeners/project=s/version=1/component=copy/at=20230101T000100.000Z.json");
        assertThat(copy.keyPath()).isEqualTo("listeners/project=s/version=1/component=copy/");
        assertThat(copy.withComponent(null).listPrefix()).isEqualTo("listeners/project=s/version=1/component=");
        assertThat(copy.template())
                .isEqualTo("s3://meta/listeners/project=s/version=1/component=copy/at={at}.json");
        assertThat(ListenerChangeURI.parse(copy.withAt(at).identifier())).isEqualTo(copy.withAt(at));
    }

    @Test
    void onlyListedKeysOfTheListenerLayoutAreChanges() {
        assertThat(ListenerChangeURI.ofListed("listeners/project=s/version=1/component=copy/at=20230101T000100.000Z.json"))
                .map(ListenerChangeURI::component).contains("copy");
        assertThat(ListenerChangeURI.ofListed("listeners/project=s/version=1/component=copy/notes.json")).isEmpty();
        assertThat(ListenerChangeURI.ofListed("listeners/project=s/version=1/component=copy/")).isEmpty();
        assertThat(ListenerChangeURI.ofListed("listeners/project=s/version=1/component=copy/at=x.json/y")).isEmpty();
    }
}
