package io.clusterless.cli.command.ops;

import io.clusterless.cli.Cls;
import io.clusterless.cli.Main;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ListPage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page lists each dataset's and each arc's lots once: at a month of five-minute lots of 100 datasets the
 * listings are the page's cost (bench/status-page.sh), and the lineage, the heatmap and the gaps each listed them.
 */
class StatusPageScansTest {
    @TempDir
    Path root;

    @Test
    void eachDatasetAndArcIsListedOnce() throws Exception {
        Path project = examples().resolve("copy-chain/project.json");
        StringWriter out = new StringWriter();
        int exit = Main.run(Cls.context(new PrintWriter(out, true), new PrintWriter(out, true),
                InputStream.nullInputStream()), "local", "run", project.toString(), "--local-root", root.toString(),
                "--until-idle", "--put", examples().resolve("copy-chain/data") + "=s3://dev-cls-copy-chain-"
                        + "123456789012-us-west-2/ingress/");
        assertThat(exit).as(out.toString()).isZero();
        var deployable = new ProjectLoader().load(ProjectSource.file(project)).deployable();
        PlacementNames names = PlacementNames.of(deployable.getPlacement());
        Counting store = new Counting(new FileObjectStore(root));
        OperatedPlacement placement = new OperatedPlacement(PlacementPlan.of(names, List.of(deployable)), store, null,
                "the project files");
        Clock clock = Clock.systemUTC();

        StatusPage.collect(placement, unit -> LotRange.of(unit, clock.instant().minus(Duration.ofHours(3)),
                clock.instant()), clock);

        assertThat(store.listings).containsKeys("datasets/name=chain-ingress/version=20230101/lot=",
                "arcs/project=CopyChain/version=20230101-00/arc=copyA/lot=");
        store.listings.forEach((prefix, count) -> {
            if (prefix.endsWith("/lot=")) {
                assertThat(count).as(prefix).isEqualTo(1);
            }
        });
    }

    private static Path examples() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("examples/README.md"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
    }

    /** The store, counting the listings of each prefix (keys only or with ETags, page by page as one). */
    private static final class Counting implements ObjectStore {
        private final ObjectStore store;
        final Map<String, Integer> listings = new TreeMap<>();

        Counting(ObjectStore store) {
            this.store = store;
        }

        @Override
        public Stream<ObjectInfo> listAll(String bucket, String prefix, String startAfter) {
            listings.merge(prefix, 1, Integer::sum);
            return store.listAll(bucket, prefix, startAfter);
        }

        @Override
        public Stream<ObjectInfo> listKeys(String bucket, String prefix, String startAfter) {
            listings.merge(prefix, 1, Integer::sum);
            return store.listKeys(bucket, prefix, startAfter);
        }

        @Override
        public Optional<ObjectInfo> head(String bucket, String key) {
            return store.head(bucket, key);
        }

        @Override
        public Optional<StoredObject> get(String bucket, String key) {
            return store.get(bucket, key);
        }

        @Override
        public String put(String bucket, String key, byte[] body, String contentType) {
            return store.put(bucket, key, body, contentType);
        }

        @Override
        public Optional<String> createIfAbsent(String bucket, String key, byte[] body, String contentType) {
            return store.createIfAbsent(bucket, key, body, contentType);
        }

        @Override
        public Optional<String> replaceIfMatch(String bucket, String key, byte[] body, String contentType,
                                               String etag) {
            return store.replaceIfMatch(bucket, key, body, contentType, etag);
        }

        @Override
        public void delete(String bucket, String key) {
            store.delete(bucket, key);
        }

        @Override
        public boolean deleteIfMatch(String bucket, String key, String etag) {
            return store.deleteIfMatch(bucket, key, etag);
        }

        @Override
        public ListPage list(String bucket, String prefix, String startAfter, String continuationToken,
                             int maxKeys) {
            return store.list(bucket, prefix, startAfter, continuationToken, maxKeys);
        }

        @Override
        public void copy(String sourceBucket, String sourceKey, String targetBucket, String targetKey) {
            store.copy(sourceBucket, sourceKey, targetBucket, targetKey);
        }
    }
}
