package io.clusterless.runtime.testing;

import io.clusterless.engine.store.ObjectStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The production S3 adapter keeps its promises against a real S3 API. */
class S3ProxyServerTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("test-bucket");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void createIfAbsent_writesOnce_thenRefuses() {
        ObjectStore store = server.store();

        assertThat(store.createIfAbsent("test-bucket", "once", bytes("first"), "text/plain")).isPresent();
        assertThat(store.createIfAbsent("test-bucket", "once", bytes("second"), "text/plain")).isEmpty();

        assertThat(new String(store.get("test-bucket", "once").orElseThrow().body(), StandardCharsets.UTF_8))
                .isEqualTo("first");
    }

    @Test
    void replaceIfMatch_needsTheCurrentEtag() {
        ObjectStore store = server.store();
        String etag = store.put("test-bucket", "cas", bytes("v1"), "text/plain");

        assertThat(store.replaceIfMatch("test-bucket", "cas", bytes("v2"), "text/plain", "\"stale\"")).isEmpty();
        assertThat(store.replaceIfMatch("test-bucket", "cas", bytes("v2"), "text/plain", etag)).isPresent();
        assertThat(store.head("test-bucket", "cas")).isPresent();
        assertThat(store.head("test-bucket", "absent")).isEmpty();
        assertThat(store.get("test-bucket", "absent")).isEmpty();
    }

    @Test
    void listAll_pagesThroughEveryKeyInOrder() {
        ObjectStore store = server.store();
        for (int i = 0; i < 1005; i++) {
            store.put("test-bucket", String.format("many/%04d", i), bytes("x"), "text/plain");
        }

        assertThat(store.listAll("test-bucket", "many/", null)).hasSize(1005);
        assertThat(store.listAll("test-bucket", "many/", "many/1000").map(o -> o.key()))
                .containsExactly("many/1001", "many/1002", "many/1003", "many/1004");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
