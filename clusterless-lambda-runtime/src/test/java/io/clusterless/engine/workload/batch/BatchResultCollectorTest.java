package io.clusterless.engine.workload.batch;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import io.clusterless.uri.UriTemplates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clusterless.engine.workload.ArcFixture.LOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batchExecArc result step against a real S3 API. The "container" here writes its sink manifests as a user's
 * container would: by expanding {@code sinkManifestTemplates[role]} from the arc props (RFC 6570) and putting JSON.
 */
class BatchResultCollectorTest {
    private static final AtomicInteger RUN = new AtomicInteger();
    private static S3ProxyServer server;

    private ObjectStore store;
    private ArcFixture arc;
    private ArcProps props;
    private ArcWorkloadContext context;

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void arc() {
        String manifests = "manifests-" + RUN.incrementAndGet();
        server.bucket(manifests);
        store = server.store();
        arc = new ArcFixture(manifests, new SinkDataset("ingress", "1", "s3://data/ingress/"))
                .sink("main", new SinkDataset("scored", "1", "s3://data/scored/"))
                .sink("audit", new SinkDataset("audit", "1", "s3://data/audit/"));
        props = arc.props();
        context = arc.announce(store, java.util.List.of("s3://data/ingress/a.json"));
    }

    @Test
    void everySinkRole_isCollected_notOnlyTheFirstFound() {
        // the original stopped after the first role with a manifest
        String main = containerWrites("main", "complete", null);
        String audit = containerWrites("audit", "empty", null);

        Map<String, String> result = new BatchResultCollector(store).collect(context, props);

        assertThat(result).containsExactly(Map.entry("main", main), Map.entry("audit", audit));
    }

    @Test
    void partialResult_isReturnedForTheCompleteGate_notAFailure() {
        String main = containerWrites("main", "complete", null);
        String audit = containerWrites("audit", "partial", "job-1-attempt-1");

        Map<String, String> result = new BatchResultCollector(store).collect(context, props);

        assertThat(result).containsExactly(Map.entry("main", main), Map.entry("audit", audit));
        assertThat(ManifestURI.parse(result.get("audit")).state()).isEqualTo(ManifestState.partial);
    }

    @Test
    void ofSeveralPartialAttempts_theNewestIsReturned() throws Exception {
        containerWrites("main", "complete", null);
        containerWrites("audit", "partial", "zz-first");
        Thread.sleep(1100); // S3 last-modified has second resolution
        String newest = containerWrites("audit", "partial", "aa-second");

        assertThat(new BatchResultCollector(store).collect(context, props).get("audit")).isEqualTo(newest);
    }

    @Test
    void completeIsPreferredToEmptyAndPartial() {
        containerWrites("main", "partial", "job-1");
        containerWrites("main", "empty", null);
        String complete = containerWrites("main", "complete", null);
        containerWrites("audit", "empty", null);

        assertThat(new BatchResultCollector(store).collect(context, props).get("main")).isEqualTo(complete);
    }

    @Test
    void roleWithoutAManifest_failsNamingTheRole() {
        containerWrites("main", "complete", null);

        assertThatThrownBy(() -> new BatchResultCollector(store).collect(context, props))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("no sink manifest for lot " + LOT + " of sink role 'audit'")
                .hasMessageNotContaining("'main'");
    }

    @Test
    void everyRoleWithoutAManifest_isNamed() {
        assertThatThrownBy(() -> new BatchResultCollector(store).collect(context, props))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("sink roles 'main'")
                .hasMessageContaining("'audit'");
    }

    @Test
    void keysThatAreNotManifests_areIgnored() {
        String lotPath = arc.sinkLot("audit").path();
        String key = lotPath.substring(lotPath.indexOf("/datasets/") + 1) + "state=complete/notes/extra.json";
        store.put(arc.sinkLot("audit").bucket(), key, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        String main = containerWrites("main", "complete", null);
        String audit = containerWrites("audit", "empty", null);

        assertThat(new BatchResultCollector(store).collect(context, props))
                .containsExactly(Map.entry("main", main), Map.entry("audit", audit));
    }

    /** Expands the role's template as a container would, writes a manifest there, returns its URI. */
    private String containerWrites(String role, String state, String attempt) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("lot", LOT);
        variables.put("state", state);
        if (attempt != null) {
            variables.put("attempt", Map.of("attempt", attempt));
        }
        String uri = UriTemplates.expand(props.sinkManifestTemplates().get(role), variables);
        String json = "{\"state\": \"" + state + "\", \"lotId\": \"" + LOT + "\", \"uriType\": \"identifier\", "
                + "\"uris\": [], \"dataset\": \"added by the container\"}";
        ManifestURI parsed = ManifestURI.parse(uri);
        store.put(parsed.bucket(), parsed.key(), json.getBytes(StandardCharsets.UTF_8), "application/json");
        return uri;
    }
}
