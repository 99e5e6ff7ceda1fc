package io.clusterless.local.endpoint;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.model.DatasetRef;
import io.clusterless.model.SinkDataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one workload may do through the local S3 endpoint, as the job role allows it on AWS: read objects under its
 * {@code reads} and {@code writes} prefixes, put and delete only under its {@code writes}, list only what it may read,
 * and nothing at the bucket level. Keys are compared by name; the endpoint refuses {@code .}/{@code ..} segments and
 * symlinks, so a name under a prefix is a file under that prefix's folder.
 */
public record WorkloadGrant(List<Scope> reads, List<Scope> writes) {
    /** A bucket and a key prefix ({@code ""} for the whole bucket). */
    public record Scope(String bucket, String prefix) {
        public Scope {
            if (bucket == null || bucket.isEmpty()) {
                throw new IllegalArgumentException("a scope needs a bucket");
            }
            prefix = prefix == null ? "" : prefix;
        }

        boolean covers(String bucket, String key) {
            return this.bucket.equals(bucket) && key != null && key.startsWith(prefix);
        }

        /** Whether some key under {@code listPrefix} may lie under this scope. */
        boolean overlaps(String bucket, String listPrefix) {
            String other = listPrefix == null ? "" : listPrefix;
            return this.bucket.equals(bucket) && (other.startsWith(prefix) || prefix.startsWith(other));
        }
    }

    public WorkloadGrant {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }

    /**
     * What a batch arc's job role may do on AWS (ArcContext's grants): read its sources' manifests and the objects
     * of each source's owner, read and write its sinks' manifests and objects. The arc-state bucket, other datasets'
     * manifests and everything else stay out of reach.
     *
     * @param sourceOwners source role → the sink dataset that produces it, where known
     */
    public static WorkloadGrant forArc(ArcProps props, Map<String, Optional<SinkDataset>> sourceOwners,
                                       String manifestBucket) {
        List<Scope> reads = new ArrayList<>();
        List<Scope> writes = new ArrayList<>();
        props.sources().forEach((role, source) -> {
            reads.add(new Scope(manifestBucket, manifestPrefix(source)));
            sourceOwners.getOrDefault(role, Optional.empty()).map(SinkDataset::getPathURI)
                    .filter(uri -> uri.startsWith("s3://"))
                    .map(S3Location::parse)
                    .ifPresent(location -> reads.add(new Scope(location.bucket(), location.prefix())));
        });
        props.sinks().values().forEach(sink -> {
            writes.add(new Scope(manifestBucket, manifestPrefix(sink)));
            if (sink.getPathURI() != null && sink.getPathURI().startsWith("s3://")) {
                S3Location location = S3Location.parse(sink.getPathURI());
                writes.add(new Scope(location.bucket(), location.prefix()));
            }
        });
        return new WorkloadGrant(reads, writes);
    }

    /** The same grant, also reading under {@code scope} (a roll-up's covered-manifests documents, ADR-0012). */
    public WorkloadGrant readingAlso(Scope scope) {
        List<Scope> more = new ArrayList<>(reads);
        more.add(scope);
        return new WorkloadGrant(more, writes);
    }

    static String manifestPrefix(DatasetRef dataset) {
        return "datasets/name=" + dataset.getName() + "/version=" + dataset.getVersion() + "/";
    }

    public boolean mayRead(String bucket, String key) {
        return reads.stream().anyMatch(scope -> scope.covers(bucket, key)) || mayWrite(bucket, key);
    }

    public boolean mayWrite(String bucket, String key) {
        return writes.stream().anyMatch(scope -> scope.covers(bucket, key));
    }

    public boolean mayList(String bucket, String prefix) {
        return reads.stream().anyMatch(scope -> scope.overlaps(bucket, prefix))
                || writes.stream().anyMatch(scope -> scope.overlaps(bucket, prefix));
    }

    public boolean namesBucket(String bucket) {
        return mayList(bucket, "");
    }

    public boolean mayWriteIn(String bucket) {
        return writes.stream().anyMatch(scope -> scope.bucket().equals(bucket));
    }
}
