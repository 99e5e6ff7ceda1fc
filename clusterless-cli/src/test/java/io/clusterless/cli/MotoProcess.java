package io.clusterless.cli;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.aws.S3ObjectStore;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A {@code moto_server} this test class starts on a free port and stops by its own process handle. */
final class MotoProcess implements AutoCloseable {
    static final String REGION = "us-west-2";

    private final Process process;
    private final int port;
    private boolean credentialsSet;

    private MotoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * {@link #start()}, and until {@link #close()} the SDK's default credential chain answers with moto's test keys:
     * it reads these system properties before the environment, so the cls under test finds them.
     */
    static MotoProcess startWithCredentials() throws Exception {
        MotoProcess moto = start();
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        moto.credentialsSet = true;
        return moto;
    }

    /** Closes {@code moto} when it started (an aborted or failed start leaves it null). */
    static void stop(MotoProcess moto) throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    /** Skips the calling tests when moto_server is not installed (fails them when CLS_REQUIRE_MOTO=true). */
    static MotoProcess start() throws Exception {
        Path executable = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                executable = candidate;
                break;
            }
        }
        if (executable == null) {
            String notice = "moto_server not found on PATH: skipping the AWS operations tests";
            if (Boolean.parseBoolean(System.getenv("CLS_REQUIRE_MOTO"))) {
                throw new IllegalStateException(notice + "; CLS_REQUIRE_MOTO=true requires it");
            }
            Assumptions.abort(notice);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(Files.createTempFile("moto", ".log").toFile()).start();
        MotoProcess moto = new MotoProcess(process, port);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!moto.answers()) {
            if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                process.destroy();
                throw new IllegalStateException("moto_server did not start on port " + port);
            }
            Thread.sleep(100);
        }
        return moto;
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

    URI endpoint() {
        return URI.create("http://localhost:" + port);
    }

    AwsClients clients() {
        return new AwsClients(AwsSettings.of(Map.of("AWS_ENDPOINT_URL", endpoint().toString(), "AWS_REGION", REGION,
                "CLS_S3_PATH_STYLE", "true")),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")));
    }

    /** The placement's metadata, manifest and arc-state buckets, as its bootstrap makes them; the store over them. */
    ObjectStore createStores(PlacementNames placement) {
        S3Client s3 = clients().s3();
        for (String bucket : List.of(placement.metadataBucket(), placement.manifestBucket(),
                placement.arcStateBucket())) {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(REGION)));
        }
        return new S3ObjectStore(s3);
    }

    @Override
    public void close() throws InterruptedException {
        if (credentialsSet) {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        process.destroy();
        process.waitFor();
    }
}
