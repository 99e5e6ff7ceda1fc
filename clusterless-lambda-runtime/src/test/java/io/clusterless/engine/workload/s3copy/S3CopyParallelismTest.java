package io.clusterless.engine.workload.s3copy;

import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copies run concurrently, never more at once than the pool allows: s3proxy holds each CopyObject 15 ms and counts
 * how many it serves at the same time.
 */
class S3CopyParallelismTest {
    /** Build the workload with its default pool. */
    private static final int DEFAULT = 0;

    @Test
    void twoHundredObjects_areCopiedByAtMostEightCopiesAtOnce() throws Exception {
        assertBounded(200, S3CopyWorkload.DEFAULT_PARALLELISM, DEFAULT);
    }

    @Test
    void parallelismIsConfigurable() throws Exception {
        assertBounded(60, 3, 3);
    }

    private static void assertBounded(int objects, int expectedBound, int configured) throws Exception {
        AtomicReference<CountingBlobStore> blobs = new AtomicReference<>();
        try (S3ProxyServer server = S3ProxyServer.start(delegate -> {
            CountingBlobStore counting = new CountingBlobStore(delegate, 15, Set.of());
            blobs.set(counting);
            return counting;
        }).bucket("manifests").bucket("data").bucket("copies")) {
            ObjectStore store = server.store();
            List<String> uris = new ArrayList<>();
            for (int i = 0; i < objects; i++) {
                String key = String.format("ingress/part-%04d.txt", i);
                store.put("data", key, key.getBytes(StandardCharsets.UTF_8), "text/plain");
                uris.add("s3://data/" + key);
            }
            ArcFixture arc = new ArcFixture("manifests", new SinkDataset("ingress", "1", "s3://data/ingress/"))
                    .sink("main", new SinkDataset("copy", "1", "s3://copies/"));
            ArcWorkloadContext context = arc.announce(store, uris);
            S3CopyWorkload workload = configured == DEFAULT ? new S3CopyWorkload(store) : new S3CopyWorkload(store, configured);

            Map<String, String> result = workload.run(context, arc.props(), "attempt-1");

            Manifest manifest = new ManifestStore(store).read(result.get("main")).orElseThrow();
            assertThat(manifest.state()).isEqualTo(ManifestState.complete);
            assertThat(manifest.uris()).hasSize(objects).startsWith("s3://copies/part-0000.txt");
            assertThat(blobs.get().copies()).isEqualTo(objects);
            assertThat(blobs.get().maxRunning()).as("copies served at once")
                    .isLessThanOrEqualTo(expectedBound)
                    .isGreaterThan(1);
        }
    }
}
