package io.clusterless.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The world of one end-to-end test class: a moto_server of its own on a free loopback port, a work folder under
 * {@code target/}, and {@code bin/cls} and the {@code aws} CLI run against it as processes, with test credentials
 * and nothing of the caller's AWS environment.
 */
final class MotoEndToEnd implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The repository: bin/cls and examples/ are below it. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final String REGION = "us-west-2";

    private final Process moto;
    private final String endpoint;
    private final Path work;

    private MotoEndToEnd(Process moto, String endpoint, Path work) {
        this.moto = moto;
        this.endpoint = endpoint;
        this.work = work;
    }

    /**
     * Starts moto_server; where it or the aws CLI is absent, skips the calling test class with a notice naming
     * {@code test}, or fails it when {@code CLS_REQUIRE_MOTO=true} (CI).
     *
     * @param workPrefix the name of the work folder under {@code target/}, before a random part
     */
    static MotoEndToEnd start(String test, String workPrefix) throws Exception {
        Path executable = onPath("moto_server");
        if (executable == null || onPath("aws") == null) {
            String notice = "moto_server or the aws CLI not found on PATH: skipping " + test
                    + " (install them with: pip install 'moto[server]' awscli)";
            if (Boolean.parseBoolean(System.getenv("CLS_REQUIRE_MOTO"))) {
                throw new IllegalStateException(notice + "; CLS_REQUIRE_MOTO=true requires them");
            }
            System.err.println("NOTICE: " + notice);
            Assumptions.abort(notice);
        }
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), workPrefix);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process moto = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(work.resolve("moto.log").toFile()).start();
        // localhost, not 127.0.0.1: the CDK CLI and moto agree on path-style buckets only then
        String endpoint = "http://localhost:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!answers(endpoint)) {
            assertThat(moto.isAlive() && System.nanoTime() < deadline).as("moto_server starts on " + port).isTrue();
            Thread.sleep(100);
        }
        return new MotoEndToEnd(moto, endpoint, work);
    }

    @Override
    public void close() throws InterruptedException {
        moto.destroy();
        moto.waitFor(10, TimeUnit.SECONDS);
    }

    String endpoint() {
        return endpoint;
    }

    Path work() {
        return work;
    }

    /** Where bin/cls keeps the CDK CLI it installs on first use: shared by the test classes of a build. */
    static Path cacheRoot() {
        return Path.of("target/cls-cache").toAbsolutePath();
    }

    /** bin/cls with {@code args}, against this moto_server. */
    List<String> cls(List<String> args) {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/cls").toString()));
        command.addAll(args);
        command.addAll(List.of("--endpoint-url", endpoint));
        return command;
    }

    /** What every process gets instead of the caller's AWS environment. */
    static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_ACCESS_KEY_ID", "testing");
        environment.put("AWS_SECRET_ACCESS_KEY", "testing");
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_DEFAULT_REGION", REGION);
        environment.put("CLS_CACHE_DIR", cacheRoot().toString());
        environment.put("CLS_RETRY_BACKOFF_SECONDS", "1");
        return environment;
    }

    /** A process builder with no input and {@link #environment()} in place of the caller's AWS variables. */
    static ProcessBuilder builder(List<String> command, Path out, Path err) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(key -> key.startsWith("AWS_"));
        builder.environment().putAll(environment());
        return builder;
    }

    /** Runs {@code command} to its end (bounded by {@code minutes}); its output goes to files named {@code name}. */
    Run run(List<String> command, String name, int minutes) throws Exception {
        Path out = Files.createTempFile(work, name, ".out");
        Path err = Files.createTempFile(work, name, ".err");
        Process process = builder(command, out, err).start();
        assertThat(process.waitFor(minutes, TimeUnit.MINUTES)).as("%s finishes", command).isTrue();
        return new Run(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    Run run(List<String> command, String name) throws Exception {
        return run(command, name, 10);
    }

    /** The aws CLI's answer as JSON; the call must succeed. */
    JsonNode aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(args));
        Run run = run(command, "aws");
        assertThat(run.exit()).as(run.toString()).isEqualTo(0);
        return run.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(run.out());
    }

    /** The names of the stacks that are not deleted. */
    TreeSet<String> stacks() throws Exception {
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode stack : aws("cloudformation", "list-stacks").path("StackSummaries")) {
            if (!stack.path("StackStatus").asText().equals("DELETE_COMPLETE")) {
                names.add(stack.path("StackName").asText());
            }
        }
        return names;
    }

    /** Creates stack {@code name} from {@code template} with the aws CLI ({@code options} added); it must complete. */
    void createStack(String name, Path template, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("cloudformation", "create-stack", "--stack-name", name,
                "--template-body", "file://" + template));
        args.addAll(List.of(options));
        aws(args.toArray(String[]::new));
        assertThat(status(name)).isEqualTo("CREATE_COMPLETE");
    }

    String status(String stack) throws Exception {
        return aws("cloudformation", "describe-stacks", "--stack-name", stack).at("/Stacks/0/StackStatus").asText();
    }

    /**
     * None of the resources ({@code what}, by logical id) was created or deleted again after the stack's creation:
     * they were updated in place.
     */
    void assertNoReplacement(String stack, Set<String> logicalIds, String what) throws Exception {
        List<String> events = new ArrayList<>();
        boolean created = false;
        JsonNode all = aws("cloudformation", "describe-stack-events", "--stack-name", stack).path("StackEvents");
        // newest first: walk back to the creation, then every event of those resources after it
        for (int i = all.size() - 1; i >= 0; i--) {
            JsonNode event = all.get(i);
            String id = event.path("LogicalResourceId").asText();
            if (id.equals(stack) && event.path("ResourceStatus").asText().equals("CREATE_COMPLETE")) {
                created = true;
            } else if (created && logicalIds.contains(id)) {
                events.add(id + " " + event.path("ResourceStatus").asText() + " "
                        + event.path("ResourceStatusReason").asText(""));
            }
        }
        assertThat(created).as("the creation of " + stack + " is among its events").isTrue();
        assertThat(events).as(what + " events after the creation of " + stack)
                .noneMatch(e -> e.contains("CREATE_") || e.contains("DELETE_") || e.contains("replacement"));
    }

    List<String> keys(String bucket) throws Exception {
        List<String> keys = new ArrayList<>();
        aws("s3api", "list-objects-v2", "--bucket", bucket).path("Contents")
                .forEach(object -> keys.add(object.path("Key").asText()));
        return keys;
    }

    List<String> buckets() throws Exception {
        List<String> names = new ArrayList<>();
        aws("s3api", "list-buckets").path("Buckets").forEach(b -> names.add(b.path("Name").asText()));
        return names;
    }

    String object(String bucket, String key) throws Exception {
        Path file = Files.createTempFile(work, "object", ".txt");
        aws("s3api", "get-object", "--bucket", bucket, "--key", key, file.toString());
        return Files.readString(file);
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean answers(String endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/moto-api/").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() < 500;
        } catch (IOException e) {
            return false;
        }
    }
}
