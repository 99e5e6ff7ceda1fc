package io.clusterless.engine.status;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.Freshness;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A dataset's freshness from its manifests over a real S3 API (issue 19). */
class DatasetFreshnessTest {
    private static final Instant NOW = Instant.parse("2023-01-02T12:02:00Z");
    private static final Freshness TARGETS = new Freshness("PT30M", "PT2H");
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A dataset of its own per test: the bucket is shared. */
    private static ManifestURI dataset() {
        return ManifestURI.of("manifests").withDatasetName("d-" + UUID.randomUUID()).withDatasetVersion("1");
    }

    private static void manifest(ObjectStore store, ManifestURI dataset, LotId lot, ManifestState state) {
        store.put("manifests", dataset.withLot(lot).withState(state).key(), "{}".getBytes(), "application/json");
    }

    /** The lot holding the instant {@code ago} before now. */
    private static LotId lotAt(Duration ago) {
        return LotId.of(LotUnit.TWELFTHS, NOW.minus(ago).minusSeconds(1));
    }

    @Test
    void theNewestCompleteLotsAge_decidesTheLevel() {
        ObjectStore store = server.store();
        ManifestURI fresh = dataset();
        manifest(store, fresh, lotAt(Duration.ofHours(5)), ManifestState.complete);
        manifest(store, fresh, lotAt(Duration.ofMinutes(10)), ManifestState.complete);
        ManifestURI stale = dataset();
        manifest(store, stale, lotAt(Duration.ofMinutes(50)), ManifestState.complete);
        ManifestURI old = dataset();
        manifest(store, old, lotAt(Duration.ofHours(3)), ManifestState.complete);

        DatasetFreshness ok = DatasetFreshness.check(store, fresh, LotUnit.TWELFTHS, TARGETS, NOW);
        assertThat(ok.level()).isEqualTo(FreshnessLevel.ok);
        assertThat(ok.lastComplete()).contains(LotId.parse("20230102PT5M142"));
        assertThat(ok.age()).contains(Duration.ofMinutes(7)); // that lot ended at 11:55
        assertThat(DatasetFreshness.check(store, stale, LotUnit.TWELFTHS, TARGETS, NOW).level())
                .isEqualTo(FreshnessLevel.warn);
        assertThat(DatasetFreshness.check(store, old, LotUnit.TWELFTHS, TARGETS, NOW).level())
                .isEqualTo(FreshnessLevel.error);
    }

    @Test
    void emptyAndPartialLots_areNotFreshData() {
        ObjectStore store = server.store();
        ManifestURI dataset = dataset();
        manifest(store, dataset, lotAt(Duration.ofHours(1)), ManifestState.complete);
        manifest(store, dataset, lotAt(Duration.ofMinutes(10)), ManifestState.empty);
        store.put("manifests", dataset.withLot(lotAt(Duration.ofMinutes(5))).withState(ManifestState.partial)
                .withAttempt("a1").key(), "{}".getBytes(), "application/json");

        DatasetFreshness freshness = DatasetFreshness.check(store, dataset, LotUnit.TWELFTHS, TARGETS, NOW);

        assertThat(freshness.lastComplete()).contains(lotAt(Duration.ofHours(1)));
        assertThat(freshness.level()).isEqualTo(FreshnessLevel.warn);
    }

    @Test
    void noCompleteLotInTheLookBack_isTheWorstLevelTheTargetsName() {
        ObjectStore store = server.store();
        ManifestURI dataset = dataset();
        manifest(store, dataset, lotAt(Duration.ofDays(3)), ManifestState.complete); // beyond the look-back

        DatasetFreshness freshness = DatasetFreshness.check(store, dataset, LotUnit.TWELFTHS, TARGETS, NOW);

        assertThat(freshness.lastComplete()).isEmpty();
        assertThat(freshness.age()).isEmpty();
        assertThat(freshness.lookBack()).isEqualTo(Duration.ofDays(1));
        assertThat(freshness.level()).isEqualTo(FreshnessLevel.error);
        assertThat(DatasetFreshness.check(store, dataset, LotUnit.TWELFTHS, new Freshness("PT1H", null), NOW)
                .level()).isEqualTo(FreshnessLevel.warn);
    }

    @Test
    void levels_atTheirBoundaries() {
        assertThat(DatasetFreshness.level(TARGETS, Optional.of(Duration.ofMinutes(30)))).isEqualTo(FreshnessLevel.ok);
        assertThat(DatasetFreshness.level(TARGETS, Optional.of(Duration.ofMinutes(31)))).isEqualTo(FreshnessLevel.warn);
        assertThat(DatasetFreshness.level(TARGETS, Optional.of(Duration.ofHours(2)))).isEqualTo(FreshnessLevel.warn);
        assertThat(DatasetFreshness.level(TARGETS, Optional.of(Duration.ofMinutes(121)))).isEqualTo(FreshnessLevel.error);
        assertThat(DatasetFreshness.level(null, Optional.empty())).isEqualTo(FreshnessLevel.ok);
        assertThat(DatasetFreshness.lookBack(new Freshness("PT20H", "P2D"))).isEqualTo(Duration.ofDays(4));
    }
}
