package io.clusterless.local.workload.function;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.local.endpoint.LocalS3Endpoint;
import io.clusterless.local.endpoint.WorkloadGrant;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.function.LambdaExecSettings;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lambdaExecArc contract (docs/function-contract.md) in each language, locally: a real handler runs through its
 * launcher in a child process, reaches the lot's objects through the arc's own local S3 endpoint credentials, and
 * its result becomes the sink manifests; what breaks the contract fails the lot with the function's message.
 */
class FunctionContractTest {
    private static final String DATA = "fn-data";
    private static final String MANIFESTS = "fn-manifests";
    private static final String LOT = "20230101PT5M001";

    /** A language's test handlers: their module, the runtime that runs them, and how a handler is named. */
    enum Language {
        PYTHON("python3.12", "python3") {
            @Override
            String handler(String function) {
                return "contract." + function;
            }
        },
        NODE("nodejs22.x", "node") {
            @Override
            String handler(String function) {
                return "contract." + function;
            }
        },
        JAVA("java21", "java") {
            @Override
            String handler(String function) {
                return "contract.Handlers::" + function;
            }
        };

        final String runtime;
        final String program;

        Language(String runtime, String program) {
            this.runtime = runtime;
            this.program = program;
        }

        abstract String handler(String function);
    }

    @TempDir
    Path root;

    private FileObjectStore store;
    private LocalS3Endpoint endpoint;
    private WorkloadLeases leases;
    private ArcProps props;
    private final SinkDataset raw = new SinkDataset("raw", "1", "s3://" + DATA + "/raw/");
    private final SinkDataset out = new SinkDataset("out", "1", "s3://" + DATA + "/out/");

    @BeforeEach
    void placement() throws IOException {
        store = new FileObjectStore(root);
        for (String bucket : List.of(DATA, MANIFESTS)) {
            Files.createDirectories(store.bucketsRoot().resolve(bucket));
        }
        endpoint = LocalS3Endpoint.start(store.bucketsRoot());
        leases = new WorkloadLeases(root.resolve("local/workloads"));
        props = new ArcProps(Map.of("main", new SourceDataset("raw", "1", true)), Map.of("main", out),
                Map.of("main", ManifestURI.of(MANIFESTS, raw).withState(ManifestState.complete).template()),
                Map.of("main", ManifestURI.of(MANIFESTS, out).template()), null);
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theFunctionGetsTheLotsObjectsAndItsResultBecomesTheSinkManifest(Language language) throws Exception {
        ArcWorkloadContext context = lot(ManifestState.complete, Map.of("raw/a.txt", "alpha", "raw/b.txt", "beta"));

        Map<String, String> manifests = workload(language, "upper", Duration.ofMinutes(1)).run(context, props, "at-1");

        Manifest manifest = manifest(manifests.get("main"));
        assertThat(manifest.state()).isEqualTo(ManifestState.complete);
        String prefix = "s3://" + DATA + "/out/lot=" + LOT + "/";
        assertThat(manifest.uris()).containsExactly(prefix + "a.txt", prefix + "b.txt", prefix + "event.json");
        assertThat(read("out/lot=" + LOT + "/a.txt")).isEqualTo("ALPHA");
        JsonNode seen = Json.records().readTree(read("out/lot=" + LOT + "/event.json"));
        assertThat(seen.path("event")).isEqualTo(Json.records().readTree("""
                {"project": {"name": "Fn", "version": "1"}, "arc": "reformat", "lot": "20230101PT5M001",
                 "attempt": "at-1",
                 "sources": {"main": {"name": "raw", "version": "1", "state": "complete",
                   "uris": ["s3://fn-data/raw/a.txt", "s3://fn-data/raw/b.txt"]}},
                 "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://fn-data/out/"}}}
                """));
        assertThat(seen.path("env").asText()).isEqualTo("date");
        assertThat(seen.path("remaining").asLong()).isPositive().isLessThanOrEqualTo(60_000);
        assertThat(Files.readString(onlyLog())).contains("wrote 3 objects");
    }

    /** A run on a clock years from real time (a test's, a stopped one) gives its function the same time left. */
    @ParameterizedTest
    @CsvSource({"PYTHON, 2001-01-01T00:00:00Z", "PYTHON, 2090-01-01T00:00:00Z", "NODE, 2001-01-01T00:00:00Z",
            "NODE, 2090-01-01T00:00:00Z", "JAVA, 2001-01-01T00:00:00Z", "JAVA, 2090-01-01T00:00:00Z"})
    void theFunctionsRemainingTimeIsItsTimeout_whateverTheRunsClock(Language language, Instant runAt)
            throws Exception {
        ArcWorkloadContext context = lot(ManifestState.complete, Map.of("raw/a.txt", "alpha"));

        workload(language, "upper", Duration.ofMinutes(1), Clock.fixed(runAt, ZoneOffset.UTC))
                .run(context, props, "at-1");

        JsonNode seen = Json.records().readTree(read("out/lot=" + LOT + "/event.json"));
        assertThat(seen.path("remaining").asLong()).isPositive().isLessThanOrEqualTo(60_000);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anEmptySourceLotIsGivenAsEmptyAndNothingReturnedMakesAnEmptySinkLot(Language language) throws Exception {
        ArcWorkloadContext context = lot(ManifestState.empty, Map.of());

        Map<String, String> manifests = workload(language, "nothing", Duration.ofMinutes(1)).run(context, props, "at-1");

        assertThat(manifest(manifests.get("main")).state()).isEqualTo(ManifestState.empty);
        assertThat(Files.readString(onlyLog())).contains("nothing to do for empty lot");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anExceptionFailsTheLotWithTheFunctionsMessage(Language language) throws Exception {
        ArcWorkloadContext context = lot(ManifestState.complete, Map.of("raw/a.txt", "alpha"));

        assertThatThrownBy(() -> workload(language, "fail", Duration.ofMinutes(1)).run(context, props, "at-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("function " + language.handler("fail") + " raised ")
                .hasMessageContaining("bad row 3 in " + LOT);
        assertThat(sinkManifests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aFunctionOutlivingItsTimeoutIsKilledAndFailsTheLot(Language language) throws Exception {
        ArcWorkloadContext context = lot(ManifestState.complete, Map.of("raw/a.txt", "alpha"));

        // the handler sleeps ten minutes: only the timeout can end it within the test
        assertThatThrownBy(() -> workload(language, "hang", Duration.ofSeconds(3)).run(context, props, "at-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("did not return within its timeout of 3.0 s");
        assertThat(Files.list(root.resolve("local/workloads")).toList()).as("no lease left").isEmpty();
        assertThat(sinkManifests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void returningAnObjectOutsideTheSinkFailsTheLot(Language language) throws Exception {
        ArcWorkloadContext context = lot(ManifestState.complete, Map.of("raw/a.txt", "alpha"));

        assertThatThrownBy(() -> workload(language, "outside", Duration.ofMinutes(1)).run(context, props, "at-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("the function returned s3://fn-data/raw/a.txt for sink role 'main', which is outside "
                        + "that sink's pathURI s3://fn-data/out/; a function writes only under its sinks' paths");
        assertThat(sinkManifests()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void writingOutsideTheSinkIsRefusedByTheEndpointAndFailsTheLot(Language language) throws Exception {
        ArcWorkloadContext context = lot(ManifestState.complete, Map.of("raw/a.txt", "alpha"));

        assertThatThrownBy(() -> workload(language, "put_outside", Duration.ofMinutes(1)).run(context, props, "at-1"))
                .isInstanceOf(WorkloadException.class)
                .hasMessageContaining("raised ")
                .hasMessageContaining("AccessDenied");
        assertThat(Files.exists(store.bucketsRoot().resolve(DATA).resolve("elsewhere/x.txt"))).isFalse();
        assertThat(sinkManifests()).isEmpty();
    }

    @Test
    void aCommonJsNodeHandlerWithACallbackRunsToo() throws Exception {
        ArcWorkloadContext context = lot(ManifestState.empty, Map.of());
        workload(Language.NODE, "nothing", Duration.ofMinutes(1)); // writes the Node test folder; needs node
        Files.writeString(root.resolve("project/fn/callback.js"), "exports.handler = function (event, context, done) {\n"
                + "  console.log('callback for', event.sources.main.state, 'lot');\n"
                + "  setTimeout(() => done(null, { sinks: { main: null } }), 10);\n};\n");
        LambdaExecSettings callback = Json.model().readValue("""
                {"runtime": "nodejs22.x", "handler": "callback.handler", "codePath": "fn"}
                """, LambdaExecSettings.class);
        Map<String, String> aws = endpoint.environmentFor(WorkloadGrant.forArc(props,
                Map.of("main", Optional.of(raw)), MANIFESTS));
        LocalFunctionExecutor commonJs = new LocalFunctionExecutor(new LocalFunctionExecutor.Spec(
                new ProjectId("Fn", "1"), "reformat", "fn", callback, root.resolve("project/fn"), aws,
                Duration.ofMinutes(1)), store, new FunctionLaunchers(root.resolve("local/launchers")),
                root.resolve("tmp"), root.resolve("local/logs/reformat"), leases, Clock.systemUTC(),
                System.getenv("PATH"));

        Map<String, String> manifests = commonJs.run(context, props, "at-1");

        assertThat(manifest(manifests.get("main")).state()).isEqualTo(ManifestState.empty);
        assertThat(Files.readString(onlyLog())).contains("callback for empty lot");
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private LocalFunctionExecutor workload(Language language, String function, Duration timeout) throws IOException {
        return workload(language, function, timeout, Clock.systemUTC());
    }

    private LocalFunctionExecutor workload(Language language, String function, Duration timeout, Clock runClock)
            throws IOException {
        assumeTrue(FunctionLaunchers.onPath(language.program, System.getenv("PATH")).isPresent(),
                language.program + " is not on the PATH");
        Path code = code(language);
        LambdaExecSettings workload = Json.model().readValue("""
                {"runtime": "%s", "handler": "%s", "codePath": "fn", "environment": {"FIELD": "date"}}
                """.formatted(language.runtime, language.handler(function)), LambdaExecSettings.class);
        Map<String, String> aws = endpoint.environmentFor(WorkloadGrant.forArc(props,
                Map.of("main", Optional.of(raw)), MANIFESTS));
        LocalFunctionExecutor.Spec spec = new LocalFunctionExecutor.Spec(new ProjectId("Fn", "1"), "reformat",
                "DEV-fn-reformat-func-1-us-west-2", workload, code, aws, timeout);
        return new LocalFunctionExecutor(spec, store, new FunctionLaunchers(root.resolve("local/launchers")),
                root.resolve("tmp"), root.resolve("local/logs/reformat"), leases, runClock,
                System.getenv("PATH"));
    }

    /** The language's test handlers in a folder (Python, Node) or a jar (Java) of their own. */
    private Path code(Language language) throws IOException {
        Path code = root.resolve("project/fn");
        Files.createDirectories(code);
        switch (language) {
            case PYTHON -> copy("functions/python/contract.py", code.resolve("contract.py"));
            case NODE -> {
                copy("functions/node/contract.mjs", code.resolve("contract.mjs"));
                Files.copy(Path.of("..", "examples", "function-node", "functions", "filter", "s3.mjs"),
                        code.resolve("s3.mjs"));
            }
            case JAVA -> {
                return JavaFunctions.jar(root.resolve("project"));
            }
        }
        return code;
    }

    private static void copy(String resource, Path target) throws IOException {
        try (InputStream in = FunctionContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
    }

    /** Writes the source objects and the incoming manifest of the lot; returns the context the start gate gives. */
    private ArcWorkloadContext lot(ManifestState state, Map<String, String> objects) {
        List<String> uris = objects.keySet().stream().sorted().map(key -> {
            store.put(DATA, key, objects.get(key).getBytes(), "text/plain");
            return "s3://" + DATA + "/" + key;
        }).toList();
        ManifestURI uri = ManifestURI.of(MANIFESTS, raw).withLot(LOT).withState(state);
        Manifest manifest = state == ManifestState.empty ? Manifest.empty(LOT)
                : Manifest.complete(LOT, UriType.identifier, uris);
        new ManifestStore(store).create(uri, manifest);
        return new ArcWorkloadContext("main", new ArcNotifyEvent(raw, LOT, uri.identifier()));
    }

    private Manifest manifest(String uri) {
        return new ManifestStore(store).read(uri).orElseThrow();
    }

    private List<String> sinkManifests() {
        return store.listAll(MANIFESTS, "datasets/name=out/", null).map(object -> object.key()).toList();
    }

    private String read(String key) throws IOException {
        return Files.readString(store.bucketsRoot().resolve(DATA).resolve(key));
    }

    private Path onlyLog() throws IOException {
        try (var logs = Files.list(root.resolve("local/logs/reformat"))) {
            return logs.findFirst().orElseThrow();
        }
    }
}
