package io.clusterless.runtime.aws;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a real S3 can do to any request, a connection lost mid-request, costs a retry and nothing else: the production
 * client retries I/O failures on a fresh connection, and the body (a byte array) is sent again whole.
 */
class S3DroppedConnectionTest {
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("dropped");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aWriteWhoseConnectionDropsMidRequest_isRetriedOnAFreshConnection() throws Exception {
        try (DroppingRelay relay = new DroppingRelay(server.endpoint())) {
            ObjectStore store = new S3ObjectStore(clientsThrough(relay).s3());

            store.put("dropped", "manifest.json", "{\"lot\": 1}".getBytes(StandardCharsets.UTF_8), "application/json");

            assertThat(relay.dropped.get()).isEqualTo(1);
            assertThat(relay.connections.get()).isEqualTo(2);
            assertThat(new String(server.store().get("dropped", "manifest.json").orElseThrow().body(),
                    StandardCharsets.UTF_8)).isEqualTo("{\"lot\": 1}");
        }
    }

    private static AwsClients clientsThrough(DroppingRelay relay) {
        return new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_S3", relay.endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY,
                        S3ProxyServer.SECRET_KEY)));
    }

    /**
     * A loopback TCP relay to the server that resets its first connection once the request's head has arrived,
     * as a server or load balancer dropping a connection does, and relays every later connection byte for byte.
     */
    private static final class DroppingRelay implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
        private final ServerSocket listener;
        private final URI target;

        DroppingRelay(URI target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "dropping-relay");
            accept.setDaemon(true);
            accept.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + listener.getLocalPort());
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    if (connections.incrementAndGet() == 1) {
                        readHead(client.getInputStream());
                        client.setSoLinger(true, 0); // a reset, not an orderly close
                        client.close();
                        dropped.incrementAndGet();
                    } else {
                        Socket upstream = new Socket(target.getHost(), target.getPort());
                        pipe(client, upstream);
                        pipe(upstream, client);
                    }
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // either side closed: the other side's pipe ends too
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }, "relay-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
