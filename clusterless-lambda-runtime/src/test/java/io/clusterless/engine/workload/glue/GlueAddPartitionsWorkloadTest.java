package io.clusterless.engine.workload.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.catalog.PartitionCatalog;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.GlueCatalog;
import io.clusterless.runtime.aws.GlueTables;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clusterless.engine.workload.ArcFixture.LOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The glueAddPartitionsArc workload against moto_server's Glue API, with manifests in a real S3 API (s3proxy).
 * The source data itself is never read, only the paths the incoming manifest lists.
 */
class GlueAddPartitionsWorkloadTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static S3ProxyServer s3;

    private ObjectStore store;
    private GlueTables tables;
    private PartitionCatalog catalog;
    private String manifests;

    @BeforeAll
    static void start() {
        s3 = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @BeforeEach
    void setUp() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        tables = new GlueTables(moto.clients());
        catalog = new GlueCatalog(moto.clients());
        manifests = "manifests-" + RUN.incrementAndGet();
        s3.bucket(manifests);
        store = s3.store();
        tables.create("logs", "access", "s3://data/access/", "year", "month");
    }

    @Test
    void namedPartitions_areAddedOncePerDirectory_withTheValuesAfterTheDelimiter() {
        ArcFixture arc = arc("glue:///logs/access");
        ArcWorkloadContext context = arc.announce(store, List.of(
                "s3://data/access/year=2023/month=01/part-0.parquet",
                "s3://data/access/year=2023/month=01/part-1.parquet",
                "s3://data/access/year=2023/month=02/part-0.parquet"));

        Map<String, String> result = new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1");

        assertThat(partitions()).containsExactlyInAnyOrder(
                "[2023, 01] at s3://data/access/year=2023/month=01/",
                "[2023, 02] at s3://data/access/year=2023/month=02/");
        ManifestURI complete = arc.sinkLot("main").withState(ManifestState.complete);
        assertThat(result).containsExactly(Map.entry("main", complete.identifier()));
        Manifest manifest = read(complete);
        assertThat(manifest.lotId()).isEqualTo(LOT);
        assertThat(manifest.uris()).containsExactly("glue:///logs/access/year=2023/month=01",
                "glue:///logs/access/year=2023/month=02");
    }

    @Test
    void valuePartitions_useWholeSegments() {
        tables.create("logs", "plain", "s3://data/access/", "year", "month");
        ArcFixture arc = arc("glue:///logs/plain").workloadProps("{\"partitionType\": \"value\"}");
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/access/2023/07/part-0.parquet"));

        new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1");

        assertThat(partitions("plain")).containsExactly("[2023, 07] at s3://data/access/2023/07/");
    }

    @Test
    void namedPartitionDelimiter_isConfigurable() {
        ArcFixture arc = arc("glue:///logs/access").workloadProps("{\"namedPartitionDelimiter\": \":\"}");
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/access/year:2023/month:03/p.parquet"));

        new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1");

        assertThat(partitions()).containsExactly("[2023, 03] at s3://data/access/year:2023/month:03/");
    }

    @Test
    void pathUris_areDirectories_whoseLastSegmentIsNotAFileName() {
        ArcFixture arc = arc("glue:///logs/access");
        ArcWorkloadContext context = arc.announce(store, Manifest.complete(LOT, UriType.path,
                List.of("s3://data/access/year=2023/month=04/")));

        new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1");

        assertThat(partitions()).containsExactly("[2023, 04] at s3://data/access/year=2023/month=04/");
    }

    @Test
    void twoHundredThirtyPartitions_areAddedInBatchesOfAtMostOneHundred() {
        List<Integer> batchSizes = new ArrayList<>();
        PartitionCatalog recording = new RecordingCatalog(catalog, batchSizes, () -> { });
        ArcFixture arc = arc("glue:///logs/access");
        ArcWorkloadContext context = arc.announce(store, days(230));

        Map<String, String> result = new GlueAddPartitionsWorkload(store, recording).run(context, arc.props(), "a-1");

        assertThat(batchSizes).containsExactly(100, 100, 30);
        assertThat(tables.partitions("logs", "access")).hasSize(230);
        assertThat(read(ManifestURI.parse(result.get("main"))).uris()).hasSize(230);
    }

    @Test
    void existingPartitions_countAsExisting_andAddedListsOnlyTheNewOnes() {
        addDirectly("2023", "01");
        ArcFixture arc = arc("glue:///logs/access");

        Map<String, String> result = run(arc, List.of("year=2023/month=01", "year=2023/month=02"));

        Manifest manifest = read(ManifestURI.parse(result.get("main")));
        assertThat(manifest.state()).isEqualTo(ManifestState.complete);
        assertThat(manifest.uris()).containsExactly("glue:///logs/access/year=2023/month=02");
    }

    @Test
    void partitionResultsAll_listsExistingAndAdded() {
        addDirectly("2023", "01");
        ArcFixture arc = arc("glue:///logs/access").workloadProps("{\"partitionResults\": \"all\"}");

        Map<String, String> result = run(arc, List.of("year=2023/month=01", "year=2023/month=02"));

        assertThat(read(ManifestURI.parse(result.get("main"))).uris()).containsExactly(
                "glue:///logs/access/year=2023/month=01", "glue:///logs/access/year=2023/month=02");
    }

    @Test
    void partitionResultsNone_listsOnlyTheTable() {
        ArcFixture arc = arc("glue:///logs/access").workloadProps("{\"partitionResults\": \"none\"}");

        Map<String, String> result = run(arc, List.of("year=2023/month=01", "year=2023/month=02"));

        assertThat(read(ManifestURI.parse(result.get("main"))).uris()).containsExactly("glue:///logs/access");
        assertThat(tables.partitions("logs", "access")).hasSize(2);
    }

    @Test
    void allPartitionsExisting_giveAnEmptyManifest() {
        addDirectly("2023", "01");
        ArcFixture arc = arc("glue:///logs/access");

        Map<String, String> result = run(arc, List.of("year=2023/month=01"));

        Manifest manifest = read(ManifestURI.parse(result.get("main")));
        assertThat(manifest.state()).isEqualTo(ManifestState.empty);
        assertThat(manifest.comment()).contains("all 1 partitions already existed");
    }

    @Test
    void emptyIncomingLot_givesAnEmptyManifest_withoutTouchingGlue() {
        ArcFixture arc = arc("glue:///logs/absent-table");
        ArcWorkloadContext context = arc.announce(store, Manifest.empty(LOT));

        Map<String, String> result = new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1");

        assertThat(result.get("main")).isEqualTo(arc.sinkLot("main").withState(ManifestState.empty).identifier());
    }

    @Test
    void someFailed_givesAPartialManifestUnderTheAttempt_listingWhatWasAdded() {
        // GIVEN 150 partitions, and the table is dropped (for real, in Glue) after the first batch went in
        List<Integer> batchSizes = new ArrayList<>();
        PartitionCatalog dropping = new RecordingCatalog(catalog, batchSizes, () -> tables.delete("logs", "access"));
        ArcFixture arc = arc("glue:///logs/access");
        ArcWorkloadContext context = arc.announce(store, days(150));

        // WHEN
        Map<String, String> result = new GlueAddPartitionsWorkload(store, dropping).run(context, arc.props(), "req-7");

        // THEN the second batch failed with Glue's EntityNotFoundException, the first is reported as added
        ManifestURI partial = arc.sinkLot("main").withState(ManifestState.partial).withAttempt("req-7");
        assertThat(result).containsExactly(Map.entry("main", partial.identifier()));
        Manifest manifest = read(partial);
        assertThat(manifest.uris()).hasSize(100);
        assertThat(manifest.comment()).contains("100 of 150 partitions added", "50 failed", "EntityNotFoundException");
    }

    @Test
    void directoriesThatAreNotNamedPartitions_countAsFailed() {
        ArcFixture arc = arc("glue:///logs/access");

        Map<String, String> result = run(arc, List.of("year=2023/month=05", "2023/06"));

        Manifest manifest = read(ManifestURI.parse(result.get("main")));
        assertThat(manifest.state()).isEqualTo(ManifestState.partial);
        assertThat(manifest.uris()).containsExactly("glue:///logs/access/year=2023/month=05");
        assertThat(manifest.comment()).contains("segment '2023' of 2023/06 has no '='");
    }

    @Test
    void allFailed_failsTheRun() {
        ArcFixture arc = arc("glue:///logs/access");
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/access/2023/06/x.parquet"));

        assertThatThrownBy(() -> new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("none of the 1 partitions of lot " + LOT + " could be added to glue:///logs/access");
        assertThat(new ManifestStore(store).lotManifests(arc.sinkLot("main"))).isEmpty();
    }

    @Test
    void missingTable_failsNamingIt() {
        ArcFixture arc = arc("glue:///logs/absent");
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/access/year=2023/month=01/x.parquet"));

        assertThatThrownBy(() -> new GlueAddPartitionsWorkload(store, catalog).run(context, arc.props(), "a-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("cannot read Glue table glue:///logs/absent")
                .hasMessageContaining("EntityNotFoundException");
    }

    @Test
    void duplicateRun_keepsTheFirstCompleteManifest() {
        ArcFixture arc = arc("glue:///logs/access");
        Map<String, String> first = run(arc, List.of("year=2023/month=01"));

        // the partitions exist now: a second run that registered again would write an "empty" manifest
        Map<String, String> second = run(arc, List.of("year=2023/month=01"));

        assertThat(second).isEqualTo(first);
        assertThat(new ManifestStore(store).lotManifests(arc.sinkLot("main")))
                .containsExactly(arc.sinkLot("main").withState(ManifestState.complete));
    }

    private Map<String, String> run(ArcFixture arc, List<String> directories) {
        List<String> uris = directories.stream().map(dir -> "s3://data/access/" + dir + "/data.parquet").toList();
        ManifestURI incoming = arc.incoming(ManifestState.complete);
        new ManifestStore(store).create(incoming, Manifest.complete(LOT, UriType.identifier, uris));
        return new GlueAddPartitionsWorkload(store, catalog).run(arc.context(incoming), arc.props(), "a-1");
    }

    private void addDirectly(String year, String month) {
        JsonNode descriptor = catalog.storageDescriptor(null, "logs", "access");
        catalog.addPartitions(null, "logs", "access", descriptor, List.of(new PartitionCatalog.Partition(
                List.of(year, month), "s3://data/access/year=" + year + "/month=" + month + "/")));
    }

    /** One object in each of {@code count} distinct year/month directories. */
    private static List<String> days(int count) {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            uris.add(String.format("s3://data/access/year=%d/month=%03d/part-0.parquet", 2000 + i / 100, i % 100));
        }
        return uris;
    }

    private ArcFixture arc(String table) {
        return new ArcFixture(manifests, new SinkDataset("access-logs", "1", "s3://data/access/"))
                .sink("main", new SinkDataset("access-table", "1", table));
    }

    private List<String> partitions() {
        return partitions("access");
    }

    private List<String> partitions(String table) {
        return tables.partitions("logs", table).stream()
                .map(p -> {
                    List<String> values = new ArrayList<>();
                    p.path("Values").forEach(v -> values.add(v.asText()));
                    return values + " at " + p.path("StorageDescriptor").path("Location").asText();
                })
                .toList();
    }

    private Manifest read(ManifestURI uri) {
        return new ManifestStore(store).read(uri.identifier()).orElseThrow();
    }

    /** The real catalog, with each call's size recorded and an action run after the first call. */
    private record RecordingCatalog(PartitionCatalog delegate, List<Integer> batchSizes, Runnable afterFirst)
            implements PartitionCatalog {
        @Override
        public JsonNode storageDescriptor(String catalogId, String database, String table) {
            return delegate.storageDescriptor(catalogId, database, table);
        }

        @Override
        public List<PartitionError> addPartitions(String catalogId, String database, String table,
                                                  JsonNode storageDescriptor, List<Partition> partitions) {
            batchSizes.add(partitions.size());
            List<PartitionError> errors = delegate.addPartitions(catalogId, database, table, storageDescriptor,
                    partitions);
            if (batchSizes.size() == 1) {
                afterFirst.run();
            }
            return errors;
        }
    }
}
