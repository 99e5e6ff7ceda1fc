package io.clusterless.runtime.testing;

import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsSettings;
import io.clusterless.runtime.aws.S3ObjectStore;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * A real S3 API over HTTP on loopback: s3proxy in-process with an in-memory blob store. Tests talk to it through
 * the production adapter ({@link S3ObjectStore}) and the AWS SDK, never through a fake. A {@code decorator} may
 * wrap the blob store (e.g. to inject failures).
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "access";
    public static final String SECRET_KEY = "secret";

    private final S3Proxy proxy;
    private final AwsClients clients;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
        this.clients = new AwsClients(AwsSettings.of(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_S3", endpoint().toString())),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    public static S3ProxyServer start() {
        return start(UnaryOperator.identity());
    }

    public static S3ProxyServer start(UnaryOperator<BlobStore> decorator) {
        try {
            BlobStore store = decorator.apply(BlobStores.create("transient-nio2", new Properties()));
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            long deadline = System.currentTimeMillis() + 10_000;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
                }
                Thread.sleep(2);
            }
            return new S3ProxyServer(proxy);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start s3proxy", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Environment variables that point AWS SDKs and CLIs at this server. */
    public Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT_URL_S3", endpoint().toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_REGION", "us-east-1", "CLS_S3_PATH_STYLE", "true");
    }

    public AwsClients clients() {
        return clients;
    }

    public S3Client s3() {
        return clients.s3();
    }

    public S3ObjectStore store() {
        return new S3ObjectStore(s3());
    }

    public S3ProxyServer bucket(String name) {
        try (S3Client s3 = s3()) {
            s3.createBucket(b -> b.bucket(name));
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
