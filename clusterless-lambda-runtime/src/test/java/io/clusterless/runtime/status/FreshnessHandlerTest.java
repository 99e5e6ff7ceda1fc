package io.clusterless.runtime.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.arc.ArcEventBus;
import io.clusterless.engine.status.FreshnessChange;
import io.clusterless.engine.status.FreshnessProps;
import io.clusterless.engine.status.FreshnessWatch;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.Freshness;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The freshness function on a real S3 API and EventBridge (s3proxy, moto): levels from the manifests, one event per
 * change and none while the level holds, one embedded-metric line per dataset per tick (issue 19).
 */
class FreshnessHandlerTest {
    private static final Instant NOON = Instant.parse("2023-01-02T12:02:00Z");
    private static S3ProxyServer server;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("manifests").bucket("metadata");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aLevelChange_isAnnouncedOnce_andEveryTickPrintsTheMetrics() throws Exception {
        MotoServer moto = MotoServer.get();
        ArcEventBus bus = ArcEventBus.create(moto, FreshnessChange.SOURCE, FreshnessChange.DETAIL_TYPE);
        String name = "orders-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectStore store = server.store();
        LotId lot = LotId.of(LotUnit.TWELFTHS, NOON.minus(Duration.ofMinutes(10)));
        store.put("manifests", ManifestURI.of("manifests").withDatasetName(name).withDatasetVersion("1").withLot(lot)
                .withState(ManifestState.complete).key(), "{}".getBytes(), "application/json");
        FreshnessProps props = new FreshnessProps(new ProjectId("Shop", "1"), "manifests", "metadata", bus.busName(),
                List.of(new FreshnessProps.Watched(name, "1", LotUnit.TWELFTHS, new Freshness("PT30M", "PT2H"))));
        AwsClients clients = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_S3", server.endpoint().toString(), "AWS_ENDPOINT_URL_EVENTS", moto.endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
        TestClock clock = new TestClock(NOON);
        ByteArrayOutputStream metrics = new ByteArrayOutputStream();
        FreshnessHandler handler = new FreshnessHandler(Map.of(FreshnessProps.VARIABLE, props.toJson()), clients, clock,
                new PrintStream(metrics, true, StandardCharsets.UTF_8));

        JsonNode first = call(handler);
        JsonNode again = call(handler);
        clock.now = NOON.plus(Duration.ofHours(1)); // the newest lot is now over 30 minutes old
        JsonNode later = call(handler);

        assertThat(first.get(0).path("level").asText()).isEqualTo("ok");
        assertThat(again.get(0).path("level").asText()).isEqualTo("ok");
        assertThat(later.get(0).path("level").asText()).isEqualTo("warn");
        List<JsonNode> events = bus.drainDetails();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("level").asText()).isEqualTo("ok");
        assertThat(events.get(0).path("previous").isNull()).isTrue();
        assertThat(events.get(1).path("level").asText()).isEqualTo("warn");
        assertThat(events.get(1).path("previous").asText()).isEqualTo("ok");
        assertThat(events.get(1).path("lastComplete").asText()).isEqualTo(lot.format());
        JsonNode record = Json.records().readTree(store.get("metadata", FreshnessWatch.levelKey(name, "1"))
                .orElseThrow().body());
        assertThat(record.path("level").asText()).isEqualTo("warn");

        List<String> lines = metrics.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode metric = Json.records().readTree(lines.get(2));
        assertThat(metric.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("Clusterless/Freshness");
        assertThat(metric.path("Dataset").asText()).isEqualTo(name + "/1");
        assertThat(metric.path("Level").asInt()).isEqualTo(1);
        assertThat(metric.path("AgeSeconds").asLong()).isEqualTo(Duration.between(lot.end(), clock.now).toSeconds());
    }

    @Test
    void twoTicksThatSeeTheSameChange_announceItOnce() throws Exception {
        MotoServer moto = MotoServer.get();
        ArcEventBus bus = ArcEventBus.create(moto, FreshnessChange.SOURCE, FreshnessChange.DETAIL_TYPE);
        String name = "silent-" + UUID.randomUUID().toString().substring(0, 8);
        FreshnessProps props = new FreshnessProps(new ProjectId("Shop", "1"), "manifests", "metadata", bus.busName(),
                List.of(new FreshnessProps.Watched(name, "1", LotUnit.TWELFTHS, new Freshness(null, "PT1H"))));
        ObjectStore store = server.store();
        // both read "no record" before either writes: the conditional create lets one of them announce
        FreshnessWatch first = new FreshnessWatch(props, store, bus.publisher(), new TestClock(NOON));
        FreshnessWatch second = new FreshnessWatch(props, new ObjectStore() {
            // sees the record only after the first tick wrote it, as a tick that read just before would
            private final ObjectStore delegate = store;

            @Override
            public java.util.Optional<io.clusterless.engine.store.ObjectInfo> head(String b, String k) {
                return delegate.head(b, k);
            }

            @Override
            public java.util.Optional<io.clusterless.engine.store.StoredObject> get(String b, String k) {
                return b.equals("metadata") ? java.util.Optional.empty() : delegate.get(b, k);
            }

            @Override
            public String put(String b, String k, byte[] body, String type) {
                return delegate.put(b, k, body, type);
            }

            @Override
            public java.util.Optional<String> createIfAbsent(String b, String k, byte[] body, String type) {
                return delegate.createIfAbsent(b, k, body, type);
            }

            @Override
            public java.util.Optional<String> replaceIfMatch(String b, String k, byte[] body, String type, String etag) {
                return delegate.replaceIfMatch(b, k, body, type, etag);
            }

            @Override
            public void delete(String b, String k) {
                delegate.delete(b, k);
            }

            @Override
            public boolean deleteIfMatch(String b, String k, String etag) {
                return delegate.deleteIfMatch(b, k, etag);
            }

            @Override
            public io.clusterless.engine.store.ListPage list(String b, String p, String after, String token, int max) {
                return delegate.list(b, p, after, token, max);
            }

            @Override
            public void copy(String sb, String sk, String tb, String tk) {
                delegate.copy(sb, sk, tb, tk);
            }
        }, bus.publisher(), new TestClock(NOON));

        first.tick();
        second.tick();

        List<JsonNode> events = bus.drainDetails();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("level").asText()).isEqualTo("error");
    }

    private static JsonNode call(JsonStreamHandler<?, ?> handler) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{\"time\": \"2023-01-02T12:00:00Z\"}".getBytes()), output, null);
        return Json.records().readTree(output.toByteArray());
    }
}
