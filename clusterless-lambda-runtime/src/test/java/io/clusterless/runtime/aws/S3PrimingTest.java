package io.clusterless.runtime.aws;

import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class S3PrimingTest {
    @Test
    void priming_preparesEveryRequestKindButSendsNone() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("clusterless-priming")) {
            S3ObjectStore store = new S3ObjectStore(server.clients().s3());

            store.prime();

            // the primed PutObject would have created this key had it reached the server
            assertThat(store.head("clusterless-priming", "priming/manifest.json")).isEmpty();
            assertThat(store.listAll("clusterless-priming", "", null)).isEmpty();
        }
    }

    @Test
    void aPrimedClient_stillSendsRealRequests() throws Exception {
        try (S3ProxyServer server = S3ProxyServer.start().bucket("data")) {
            S3ObjectStore store = new S3ObjectStore(server.clients().s3()).prime();

            store.put("data", "a.txt", new byte[]{1}, "application/octet-stream");

            assertThat(store.head("data", "a.txt")).isPresent();
        }
    }
}
