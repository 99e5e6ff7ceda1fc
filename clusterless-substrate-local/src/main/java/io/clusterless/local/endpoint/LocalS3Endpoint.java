package io.clusterless.local.endpoint;

import jakarta.servlet.DispatcherType;
import org.gaul.s3proxy.AccessGrant;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The S3 API over a local root's {@code buckets} folder (s3proxy's filesystem store, in-process, loopback only), so
 * a batch workload written against S3 (boto3, SDK v2, the aws CLI) reads and writes the same files the local
 * substrate does. Started only when a project has a batchExecArc.
 *
 * <p>Only SigV4 requests signed with a key pair from {@link #environmentFor} are served, each pair made fresh (and
 * kept in memory only) for one workload and limited to its {@link WorkloadGrant}; unsigned requests are refused
 * whatever the files' permissions, and nothing outside the folder is served (see {@link ConfinedBlobStore}).
 */
public final class LocalS3Endpoint implements AutoCloseable {
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final Map<String, AccessGrant> grants = new ConcurrentHashMap<>();

    private LocalS3Endpoint(S3Proxy proxy, BlobStore store) {
        this.proxy = proxy;
        this.store = store;
        // replaces s3proxy's single-identity lookup: a key id is served only if a workload was given it
        proxy.setBlobStoreLocator((identity, container, blob) -> identity == null ? null : grants.get(identity));
    }

    public static LocalS3Endpoint start(Path buckets) {
        try {
            Path root = buckets.toRealPath();
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", root.toString());
            BlobStore store = new ConfinedBlobStore(BlobStores.create("filesystem", properties), root);
            // s3proxy needs one identity to enable authentication; this one is never handed out, nor served
            EndpointCredentials unused = EndpointCredentials.fresh();
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V4, unused.accessKeyId(), unused.secretAccessKey())
                    .build();
            readWholeBodies(proxy);
            LocalS3Endpoint endpoint = new LocalS3Endpoint(proxy, store);
            proxy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the local S3 endpoint did not start: " + proxy.getState());
                }
                Thread.sleep(5);
            }
            return endpoint;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local S3 endpoint", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the local S3 endpoint over " + buckets + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Puts {@link ReadWholeBodyFilter} in front of s3proxy's servlet, so a client's default settings (aws-chunked
     * bodies, Expect: 100-continue, pooled connections) never meet a connection dropped after its answer. s3proxy
     * offers no hook for this; its Jetty server is reached through its field (DefaultClientWritesTest checks the
     * pinned version; one without that field or servlet context fails start-up, and never serves unguarded).
     */
    private static void readWholeBodies(S3Proxy proxy) throws ReflectiveOperationException {
        Field field = S3Proxy.class.getDeclaredField("server");
        field.setAccessible(true);
        Server server = (Server) field.get(proxy);
        ServletContextHandler context = server.getDescendant(ServletContextHandler.class);
        if (context == null) {
            throw new IllegalStateException("s3proxy serves through " + server.getHandler() + ", not a servlet context");
        }
        context.addFilter(new FilterHolder(new ReadWholeBodyFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * A fresh key pair limited to {@code grant}, as the environment that points the AWS SDKs and CLI at this
     * endpoint: URL, credentials, region, path-style addressing. Give it to one workload's process only.
     */
    public Map<String, String> environmentFor(WorkloadGrant grant) {
        EndpointCredentials credentials = EndpointCredentials.fresh();
        grants.put(credentials.accessKeyId(),
                new AccessGrant(credentials.secretAccessKey(), new GrantedBlobStore(store, grant)));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_ENDPOINT_URL", endpoint().toString());
        environment.put("AWS_ENDPOINT_URL_S3", endpoint().toString());
        environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        environment.put("AWS_REGION", REGION);
        environment.put("AWS_DEFAULT_REGION", REGION);
        // an IP-address endpoint already makes the SDKs use path-style; these say it for the ones that ask
        environment.put("AWS_S3_FORCE_PATH_STYLE", "true");
        environment.put("CLS_S3_PATH_STYLE", "true");
        // no profile or instance metadata lookups on a machine without AWS
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    @Override
    public void close() {
        grants.clear();
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping at exit; nothing left to protect
        }
    }
}
