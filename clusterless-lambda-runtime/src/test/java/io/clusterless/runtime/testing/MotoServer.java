package io.clusterless.runtime.testing;

import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real {@code moto_server} on a free loopback port, shared by every test of the JVM and stopped at exit. Where
 * moto_server is not installed, tests that need it are skipped with a visible notice, unless
 * {@code CLS_REQUIRE_MOTO=true} (as in CI), where its absence fails them.
 */
public final class MotoServer {
    private static MotoServer shared;

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The shared server; skips (or, when required, fails) the calling test when moto_server is absent. */
    public static synchronized MotoServer get() {
        if (shared == null) {
            Path executable = find();
            if (executable == null) {
                String notice = "moto_server not found on PATH: skipping tests against the AWS emulator "
                        + "(install it with: pip install 'moto[server]')";
                if (Boolean.parseBoolean(System.getenv("CLS_REQUIRE_MOTO"))) {
                    throw new IllegalStateException(notice + "; CLS_REQUIRE_MOTO=true requires it");
                }
                System.err.println("NOTICE: " + notice);
                Assumptions.abort(notice);
            }
            shared = start(executable);
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static MotoServer start(Path executable) {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p",
                    String.valueOf(port)).redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("moto", ".log").toFile())
                    .start();
            MotoServer server = new MotoServer(process, port);
            long deadline = System.currentTimeMillis() + 30_000;
            while (!server.answers()) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.destroy();
                    throw new IllegalStateException("moto_server did not start on port " + port);
                }
                Thread.sleep(100);
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto_server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/").toURL()
                    .openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() < 500;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code localhost}, not 127.0.0.1: moto derives virtual-host bucket names from the host otherwise. */
    public URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    /** Environment that points SDKs, CLIs and our adapters at this server. */
    public Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT_URL", endpoint().toString(), "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing", "AWS_REGION", "us-east-1", "CLS_S3_PATH_STYLE", "true");
    }

    public AwsClients clients() {
        return new AwsClients(AwsSettings.of(environment()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    /** Forgets every resource, between test classes. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL()
                    .openConnection();
            connection.setRequestMethod("POST");
            connection.getResponseCode();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reset moto_server", e);
        }
    }
}
