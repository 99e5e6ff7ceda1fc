package io.clusterless.cli.options;

import io.clusterless.cli.context.AwsFailures;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.S3ObjectStore;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The placements of a substrate, found by the names of their metadata buckets (reference §4.1): on AWS among the
 * buckets the account lists, locally among the bucket folders of the local root. The reports and the operations on
 * a deployed project ({@code --project NAME}) look for placements the same way.
 *
 * @param store      the store the buckets are read through
 * @param placements every placement found, by bucket name
 * @param where      where they were looked for, for messages: "under the local root DIR"…
 */
public record MetadataBuckets(ObjectStore store, List<Found> placements, String where) {
    /** A placement and its metadata bucket. */
    public record Found(PlacementNames placement, String bucket) {
    }

    public static MetadataBuckets discover(CliContext context, SubstrateOptions substrate) {
        List<String> buckets;
        ObjectStore store;
        String where;
        if (substrate.isLocal()) {
            FileObjectStore files = new FileObjectStore(substrate.localRoot(context));
            store = files;
            buckets = localBuckets(files.bucketsRoot());
            where = "under the local root " + substrate.localRoot(context);
        } else {
            var clients = substrate.aws().clients(context.environment(), null);
            store = new S3ObjectStore(clients.s3());
            try {
                buckets = clients.s3().listBuckets().buckets().stream().map(b -> b.name()).sorted().toList();
            } catch (SdkException e) {
                throw new UserException(AwsFailures.describe(e, substrate.aws().endpointUrl())
                        .orElse("cannot list the S3 buckets of the account: " + e.getMessage()));
            }
            where = "among the buckets the account lists";
        }
        List<Found> found = new ArrayList<>();
        for (String bucket : buckets) {
            PlacementReader.placementOf(bucket).ifPresent(p -> found.add(new Found(p, bucket)));
        }
        return new MetadataBuckets(store, List.copyOf(found), where);
    }

    /**
     * Whether a placement passes the report filters; a null filter passes every placement.
     *
     * @param stage a stage (any case), or "" for placements without one
     */
    public static boolean matches(PlacementNames placement, String account, String stage, String region) {
        return (account == null || account.equals(placement.account()))
                && (region == null || region.equals(placement.region()))
                && (stage == null || (stage.isEmpty() ? placement.stage() == null
                : placement.stage() != null && stage.equalsIgnoreCase(placement.stage())));
    }

    private static List<String> localBuckets(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> buckets = Files.list(root)) {
            return buckets.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
