package io.clusterless.local.run;

import io.clusterless.local.bus.LocalEventBus;
import io.clusterless.local.endpoint.LocalS3Endpoint;
import io.clusterless.local.endpoint.WorkloadGrant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A slow upload through the local S3 endpoint into a landing folder: an arrival only once it completed. */
class LandingUploadTest {
    private static final int HALF = 256 * 1024;

    @TempDir
    Path root;

    @Test
    void anUploadTheEndpointIsStillReceiving_isNoArrival_untilItCompletes() throws Exception {
        Path buckets = Files.createDirectories(root.resolve("buckets"));
        Files.createDirectories(buckets.resolve("landing/in"));
        CountDownLatch rest = new CountDownLatch(1);
        try (LocalS3Endpoint endpoint = LocalS3Endpoint.start(buckets)) {
            // credentials the endpoint made for a workload that may write the landing folder
            WorkloadGrant writer = new WorkloadGrant(List.of(), List.of(new WorkloadGrant.Scope("landing", "in/")));
            HttpURLConnection put = signedPut(endpoint.environmentFor(writer), "landing", "in/slow.csv", 2L * HALF);
            OutputStream body = put.getOutputStream();
            body.write(new byte[HALF]);
            body.flush(); // a client that sent half and stalls
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> {
                try {
                    rest.await(60, TimeUnit.SECONDS);
                    body.write(new byte[HALF]);
                    body.close();
                    assertThat(put.getResponseCode()).isEqualTo(200);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Path temp = awaitTemporaryFile(buckets.resolve("landing/in"), upload);
            // dated an hour ago: the settling time (judged by the wall clock) is long over, only the open upload
            // holds the file back
            FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
            Files.setLastModifiedTime(temp, anHourAgo);
            Clock clock = Clock.systemUTC();
            try (LandingFolders landing = new LandingFolders(buckets, root.resolve("arrivals.log"),
                    new LocalEventBus("bus", clock), clock)) {
                landing.watch("landing", "in/");

                LandingFolders.Look during = landing.look();

                assertThat(Files.exists(temp)).isTrue();
                assertThat(during.arrivals()).isZero();
                rest.countDown();
                upload.get(60, TimeUnit.SECONDS);
                Files.setLastModifiedTime(buckets.resolve("landing/in/slow.csv"), anHourAgo);
                assertThat(landing.look().arrivals()).isEqualTo(1);
                assertThat(Files.size(buckets.resolve("landing/in/slow.csv"))).isEqualTo(2L * HALF);
            }
        } finally {
            rest.countDown();
        }
    }

    /** A PUT signed with SigV4 and an unsigned payload, streamed as it is written (nothing buffered). */
    private static HttpURLConnection signedPut(Map<String, String> environment, String bucket, String key,
                                               long length) throws IOException {
        URI uri = URI.create(environment.get("AWS_ENDPOINT_URL") + "/" + bucket + "/" + key);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.PUT).uri(uri)
                .putHeader("Content-Length", String.valueOf(length)).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(AwsCredentialsIdentity.create(environment.get("AWS_ACCESS_KEY_ID"),
                        environment.get("AWS_SECRET_ACCESS_KEY")))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, environment.get("AWS_REGION"))
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod("PUT");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(length);
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                connection.setRequestProperty(name, String.join(",", values));
            }
        });
        return connection;
    }

    private static Path awaitTemporaryFile(Path dir, CompletableFuture<Void> upload) throws Exception {
        for (int i = 0; i < 600; i++) { // bounded: 60 s
            try (Stream<Path> files = Files.list(dir)) {
                Optional<Path> temp = files.filter(file -> file.getFileName().toString().startsWith("slow.csv-"))
                        .filter(file -> sizeOf(file) > 0).findFirst();
                if (temp.isPresent()) {
                    return temp.get();
                }
            }
            if (upload.isDone()) {
                upload.get();
                throw new AssertionError("the upload ended before its first half was written");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no temporary upload file appeared in " + dir);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

}
