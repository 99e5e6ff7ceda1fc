package io.clusterless.engine.arc;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ObjectStore#deleteIfMatch} through the production S3 adapter ({@code If-Match} on DeleteObject): the arc-state
 * protocol removes only objects it has read, and this is what keeps a stalled remover from taking a newer one.
 */
class ConditionalDeleteTest {
    @Test
    void deleteIfMatch_removesOnlyTheObjectItWasGiven_onS3Proxy() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("cond")) {
            removesOnlyTheObjectItWasGiven(RetryingObjectStore.wrap(server.store()), "cond");
        }
    }

    @Test
    void deleteIfMatch_removesOnlyTheObjectItWasGiven_onMotoServer() {
        MotoServer moto = MotoServer.get();
        String bucket = "cond-" + UUID.randomUUID().toString().substring(0, 8);
        moto.clients().s3().createBucket(b -> b.bucket(bucket));

        removesOnlyTheObjectItWasGiven(RetryingObjectStore.wrap(new S3ObjectStore(moto.clients().s3())), bucket);
    }

    private static void removesOnlyTheObjectItWasGiven(ObjectStore store, String bucket) {
        String old = store.put(bucket, "running.arc", bytes("old run"), "text/plain");
        String newer = store.put(bucket, "running.arc", bytes("new run"), "text/plain");

        assertThat(store.deleteIfMatch(bucket, "running.arc", old)).as("delete with the old ETag").isFalse();
        assertThat(store.get(bucket, "running.arc")).map(o -> new String(o.body(), StandardCharsets.UTF_8))
                .contains("new run");

        assertThat(store.deleteIfMatch(bucket, "running.arc", newer)).as("delete with the current ETag").isTrue();
        assertThat(store.head(bucket, "running.arc")).isEmpty();
        assertThat(store.deleteIfMatch(bucket, "running.arc", newer)).as("already gone").isTrue();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
