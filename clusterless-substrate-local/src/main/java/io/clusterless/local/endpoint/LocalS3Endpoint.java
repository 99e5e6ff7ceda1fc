package io.clusterless.local.endpoint;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The S3 API over a local root's {@code buckets} folder (s3proxy's filesystem store, in-process, loopback only), so
 * a batch workload written against S3 (boto3, SDK v2, the aws CLI) reads and writes the same files the local
 * substrate does. Started only when a project has a batchExecArc.
 */
public final class LocalS3Endpoint implements AutoCloseable {
    /** Fake credentials: the endpoint is on loopback and checks only that requests are signed with them. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;

    private LocalS3Endpoint(S3Proxy proxy) {
        this.proxy = proxy;
    }

    public static LocalS3Endpoint start(Path buckets) {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", buckets.toAbsolutePath().toString());
        try {
            BlobStore store = BlobStores.create("filesystem", properties);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the local S3 endpoint did not start: " + proxy.getState());
                }
                Thread.sleep(5);
            }
            return new LocalS3Endpoint(proxy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local S3 endpoint", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local S3 endpoint over " + buckets + ": "
                    + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** What points the AWS SDKs and CLI at this endpoint: URL, credentials, region, path-style addressing. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL", endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_DEFAULT_REGION", REGION);
        // an IP-address endpoint already makes the SDKs use path-style; these say it for the ones that ask
        environment.put("AWS_S3_FORCE_PATH_STYLE", "true");
        environment.put("CLS_S3_PATH_STYLE", "true");
        // no profile or instance metadata lookups on a machine without AWS
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.remove("AWS_PROFILE");
        return environment;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping at exit; nothing left to protect
        }
    }
}
