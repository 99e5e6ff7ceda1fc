package io.clusterless.engine.workload.s3copy;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.clusterless.engine.workload.ArcFixture.LOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The s3CopyArc workload against a real S3 API (s3proxy over HTTP, through the production S3 adapter). */
class S3CopyWorkloadTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static final String DENIED_SINK = "locked-sink";
    private static final AtomicReference<CountingBlobStore> BLOBS = new AtomicReference<>();
    private static S3ProxyServer server;

    private ObjectStore store;
    private String manifests;
    private String data;
    private String copyA;
    private String copyB;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start(blobs -> {
            CountingBlobStore counting = new CountingBlobStore(blobs, 0, Set.of(DENIED_SINK));
            BLOBS.set(counting);
            return counting;
        }).bucket(DENIED_SINK);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void buckets() {
        int n = RUN.incrementAndGet();
        manifests = "manifests-" + n;
        data = "data-" + n;
        copyA = "copy-a-" + n;
        copyB = "copy-b-" + n;
        server.bucket(manifests).bucket(data).bucket(copyA).bucket(copyB);
        store = server.store();
    }

    @Test
    void completeLot_isCopiedServerSideBelowTheSinkPath_exceptWhatTheFilterExcludes() {
        // GIVEN a lot of two data files and a _SUCCESS marker, and a filter excluding **/_*
        List<String> uris = putAll("ingress/", "y=2023/m=02/part-0.json", "y=2023/m=02/part-1.json",
                "y=2023/m=02/_SUCCESS");
        ArcFixture arc = arc().workloadProps("{\"filter\": {\"excludes\": [\"**/_*\"]}}");
        ArcWorkloadContext context = arc.announce(store, uris);

        // WHEN
        Map<String, String> result = new S3CopyWorkload(store).run(context, arc.props(), "attempt-1");

        // THEN one complete manifest listing the copies at the same relative paths, bytes intact
        ManifestURI expected = arc.sinkLot("main").withState(ManifestState.complete);
        assertThat(result).containsExactly(Map.entry("main", expected.identifier()));
        Manifest manifest = read(expected);
        assertThat(manifest.state()).isEqualTo(ManifestState.complete);
        assertThat(manifest.lotId()).isEqualTo(LOT);
        assertThat(manifest.uris()).containsExactly(
                "s3://" + copyA + "/copy/y=2023/m=02/part-0.json",
                "s3://" + copyA + "/copy/y=2023/m=02/part-1.json");
        assertThat(text(copyA, "copy/y=2023/m=02/part-1.json")).isEqualTo("ingress/y=2023/m=02/part-1.json");
        assertThat(store.head(copyA, "copy/y=2023/m=02/_SUCCESS")).as("the filtered _SUCCESS marker").isEmpty();
    }

    @Test
    void everySinkRole_getsItsOwnCopiesAndManifest() {
        List<String> uris = putAll("ingress/", "a.txt", "b/c.txt");
        ArcFixture arc = arc().sink("backup", new SinkDataset("backup", "1", "s3://" + copyB + "/"));
        ArcWorkloadContext context = arc.announce(store, uris);

        Map<String, String> result = new S3CopyWorkload(store).run(context, arc.props(), "attempt-1");

        assertThat(result.keySet()).containsExactly("main", "backup");
        assertThat(read(ManifestURI.parse(result.get("backup"))).uris())
                .containsExactly("s3://" + copyB + "/a.txt", "s3://" + copyB + "/b/c.txt");
        assertThat(store.head(copyB, "b/c.txt")).isPresent();
        assertThat(store.head(copyA, "copy/b/c.txt")).isPresent();
    }

    @Test
    void emptyIncomingLot_propagatesAsAnEmptyManifest_toEverySink() {
        ArcFixture arc = arc().sink("backup", new SinkDataset("backup", "1", "s3://" + copyB + "/"));
        ArcWorkloadContext context = arc.announce(store, Manifest.empty(LOT));

        Map<String, String> result = new S3CopyWorkload(store).run(context, arc.props(), "attempt-1");

        assertThat(result).containsExactly(
                Map.entry("main", arc.sinkLot("main").withState(ManifestState.empty).identifier()),
                Map.entry("backup", arc.sinkLot("backup").withState(ManifestState.empty).identifier()));
        assertThat(read(ManifestURI.parse(result.get("main"))).uris()).isEmpty();
    }

    @Test
    void lotTheFilterKeepsNothingOf_givesAnEmptyManifest() {
        List<String> uris = putAll("ingress/", "y=2023/_SUCCESS");
        ArcFixture arc = arc().workloadProps("{\"filter\": {\"excludes\": [\"**/_*\"]}}");

        Map<String, String> result = new S3CopyWorkload(store).run(arc.announce(store, uris), arc.props(), "attempt-1");

        Manifest manifest = read(ManifestURI.parse(result.get("main")));
        assertThat(manifest.state()).isEqualTo(ManifestState.empty);
        assertThat(manifest.comment()).contains("filter kept none of the 1 objects");
    }

    @Test
    void failuresWithinTheAllowance_giveAPartialManifestUnderTheAttempt_listingWhatWasCopied() {
        // GIVEN 10 objects in the manifest, 2 of which were deleted afterwards (their copies fail with NoSuchKey)
        List<String> uris = putNumbered(10);
        ArcFixture arc = arc().workloadProps("{\"failArcOnPartialPercent\": 0.2}");
        ArcWorkloadContext context = arc.announce(store, uris);
        store.delete(data, "ingress/part-03.txt");
        store.delete(data, "ingress/part-07.txt");

        // WHEN
        Map<String, String> result = new S3CopyWorkload(store).run(context, arc.props(), "req-42-1");

        // THEN a partial manifest at state=partial/attempt=req-42-1, naming the failures
        ManifestURI partial = arc.sinkLot("main").withState(ManifestState.partial).withAttempt("req-42-1");
        assertThat(result).containsExactly(Map.entry("main", partial.identifier()));
        assertThat(partial.key()).endsWith("/lot=" + LOT + "/state=partial/attempt=req-42-1/manifest.json");
        Manifest manifest = read(partial);
        assertThat(manifest.state()).isEqualTo(ManifestState.partial);
        assertThat(manifest.uris()).hasSize(8).doesNotContain("s3://" + copyA + "/copy/part-03.txt");
        assertThat(manifest.comment()).contains("copied 8 of 10", "2 failed (2 allowed)", "NoSuchKey",
                "s3://" + data + "/ingress/part-03.txt", "s3://" + data + "/ingress/part-07.txt");
    }

    @Test
    void moreFailuresThanAllowed_failTheRun_andWriteNoManifest() {
        List<String> uris = putNumbered(10);
        ArcFixture arc = arc().workloadProps("{\"failArcOnPartialPercent\": 0.2}");
        ArcWorkloadContext context = arc.announce(store, uris);
        for (String key : List.of("ingress/part-01.txt", "ingress/part-02.txt", "ingress/part-03.txt")) {
            store.delete(data, key);
        }

        assertThatThrownBy(() -> new S3CopyWorkload(store, 1).run(context, arc.props(), "attempt-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("3 of 10 copies")
                .hasMessageContaining("more than the 2 failArcOnPartialPercent=0.2 allows")
                .hasMessageContaining("NoSuchKey");
        assertThat(new ManifestStore(store).lotManifests(arc.sinkLot("main"))).isEmpty();
    }

    @Test
    void byDefault_noFailureIsAllowed() {
        List<String> uris = putNumbered(3);
        ArcFixture arc = arc();
        ArcWorkloadContext context = arc.announce(store, uris);
        store.delete(data, "ingress/part-00.txt");

        assertThatThrownBy(() -> new S3CopyWorkload(store).run(context, arc.props(), "attempt-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("1 of 3 copies");
    }

    @Test
    void accessDenied_stopsTheRun_andNamesBothBuckets() {
        // s3proxy refuses CopyObject into DENIED_SINK with S3's AccessDenied (403), as a bucket policy would
        List<String> uris = putNumbered(40);
        ArcFixture arc = new ArcFixture(manifests, source())
                .sink("main", new SinkDataset("locked", "1", "s3://" + DENIED_SINK + "/locked/"));
        ArcWorkloadContext context = arc.announce(store, uris);
        int before = BLOBS.get().copies();

        assertThatThrownBy(() -> new S3CopyWorkload(store, 2).run(context, arc.props(), "attempt-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("access denied")
                .hasMessageContaining("AccessDenied (HTTP 403)")
                .hasMessageContaining("read bucket '" + data + "'")
                .hasMessageContaining("write bucket '" + DENIED_SINK + "'");
        assertThat(BLOBS.get().copies() - before).as("copies attempted after the denial stopped the run")
                .isLessThan(40);
        assertThat(new ManifestStore(store).lotManifests(arc.sinkLot("main"))).isEmpty();
    }

    @Test
    void duplicateRun_keepsTheFirstCompleteManifest_andCopiesNothing() {
        List<String> uris = putNumbered(3);
        ArcFixture arc = arc();
        ArcWorkloadContext context = arc.announce(store, uris);
        Map<String, String> first = new S3CopyWorkload(store).run(context, arc.props(), "attempt-1");
        // the source is gone: a second run that copied again would fail
        store.delete(data, "ingress/part-00.txt");
        int before = BLOBS.get().copies();

        Map<String, String> second = new S3CopyWorkload(store).run(context, arc.props(), "attempt-2");

        assertThat(second).isEqualTo(first);
        assertThat(BLOBS.get().copies()).isEqualTo(before);
        assertThat(new ManifestStore(store).lotManifests(arc.sinkLot("main")))
                .containsExactly(arc.sinkLot("main").withState(ManifestState.complete));
    }

    @Test
    void concurrentDuplicateRuns_endWithOneCompleteManifest() throws Exception {
        List<String> uris = putNumbered(20);
        ArcFixture arc = arc();
        ArcWorkloadContext context = arc.announce(store, uris);
        ArcProps props = arc.props();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, String>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String attempt = "attempt-" + i;
                runs.add(threads.submit(() -> new S3CopyWorkload(store).run(context, props, attempt)));
            }
            for (Future<Map<String, String>> run : runs) {
                assertThat(run.get().get("main"))
                        .isEqualTo(arc.sinkLot("main").withState(ManifestState.complete).identifier());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(new ManifestStore(store).lotManifests(arc.sinkLot("main")))
                .containsExactly(arc.sinkLot("main").withState(ManifestState.complete));
        assertThat(read(arc.sinkLot("main").withState(ManifestState.complete)).uris()).hasSize(20);
    }

    @Test
    void missingIncomingManifest_failsClearly() {
        ArcFixture arc = arc();
        ArcWorkloadContext context = arc.context(arc.incoming(ManifestState.complete));

        assertThatThrownBy(() -> new S3CopyWorkload(store).run(context, arc.props(), "attempt-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("incoming manifest " + arc.incoming(ManifestState.complete).identifier())
                .hasMessageContaining("does not exist");
    }

    @Test
    void objectOutsideTheSourceDataset_failsClearly_beforeCopying() {
        ArcFixture arc = arc();
        ArcWorkloadContext context = arc.announce(store, List.of("s3://" + data + "/elsewhere/x.txt"));

        assertThatThrownBy(() -> new S3CopyWorkload(store).run(context, arc.props(), "attempt-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("not under the source dataset's pathURI s3://" + data + "/ingress/");
    }

    @Test
    void failurePercentOutsideZeroToOne_isRejected() {
        ArcFixture arc = arc().workloadProps("{\"failArcOnPartialPercent\": 10}");
        ArcWorkloadContext context = arc.announce(store, putNumbered(1));

        assertThatThrownBy(() -> new S3CopyWorkload(store).run(context, arc.props(), "attempt-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("must lie in 0.0-1.0");
    }

    @Test
    void allowedFailures_isTheCeilingOfCountTimesFraction() {
        assertThat(S3CopyWorkload.allowedFailures(10, 0.0)).isZero();
        assertThat(S3CopyWorkload.allowedFailures(10, 0.2)).isEqualTo(2);
        // 10 × 0.7 is 7.000000000000001 in binary floating point: still 7
        assertThat(S3CopyWorkload.allowedFailures(10, 0.7)).isEqualTo(7);
        assertThat(S3CopyWorkload.allowedFailures(3, 0.1)).isEqualTo(1);
        assertThat(S3CopyWorkload.allowedFailures(7, 1.0)).isEqualTo(7);
    }

    private ArcFixture arc() {
        return new ArcFixture(manifests, source())
                .sink("main", new SinkDataset("copy", "20230101", "s3://" + copyA + "/copy/"));
    }

    private SinkDataset source() {
        return new SinkDataset("ingress", "20220101", "s3://" + data + "/ingress/");
    }

    private List<String> putNumbered(int count) {
        String[] paths = new String[count];
        for (int i = 0; i < count; i++) {
            paths[i] = String.format("part-%02d.txt", i);
        }
        return putAll("ingress/", paths);
    }

    /** Puts objects whose body is their own key; returns their URIs. */
    private List<String> putAll(String prefix, String... paths) {
        List<String> uris = new ArrayList<>();
        for (String path : paths) {
            store.put(data, prefix + path, (prefix + path).getBytes(StandardCharsets.UTF_8), "text/plain");
            uris.add("s3://" + data + "/" + prefix + path);
        }
        return uris;
    }

    private Manifest read(ManifestURI uri) {
        return new ManifestStore(store).read(uri.identifier()).orElseThrow();
    }

    private String text(String bucket, String key) {
        return new String(store.get(bucket, key).orElseThrow().body(), StandardCharsets.UTF_8);
    }
}
