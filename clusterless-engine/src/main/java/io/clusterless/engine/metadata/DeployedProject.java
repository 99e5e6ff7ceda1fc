package io.clusterless.engine.metadata;

import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SourceFormat;
import io.clusterless.uri.RecordKind;
import io.clusterless.uri.RecordURI;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A project as it was deployed: the {@code project.json} record (reference §4.2) that {@code cls deploy} and a local
 * run write to the placement's metadata bucket, read back with the model's {@link ProjectLoader}, the path project
 * files take. So an operation on a deployed project sees what was deployed, the command line's exclusions included.
 */
public final class DeployedProject {
    private final ObjectStore store;
    private final ProjectLoader loader;

    public DeployedProject(ObjectStore store, ProjectLoader loader) {
        this.store = store;
        this.loader = loader;
    }

    /**
     * The records of project {@code name} in these metadata buckets, bucket by bucket in the order given, versions
     * in key order: every deployed version, or only {@code version} when not null. Listing, not reading.
     *
     * @throws IllegalArgumentException if {@code name} or {@code version} cannot be a key segment (blank, or with
     *                                  '/', '{', '}')
     */
    public List<RecordURI> find(Collection<String> metadataBuckets, String name, String version) {
        new RecordURI(RecordKind.PROJECT, null, name, version); // refuses what cannot be a key segment
        String prefix = new RecordURI(RecordKind.PROJECT, null, name, null).keyPath();
        List<RecordURI> found = new ArrayList<>();
        for (String bucket : metadataBuckets) {
            store.listKeys(bucket, prefix, null)
                    .map(ObjectInfo::key)
                    .filter(key -> key.endsWith("/" + RecordKind.PROJECT.file()))
                    .flatMap(key -> parsed(bucket, key))
                    .filter(uri -> name.equals(uri.name()) && (version == null || version.equals(uri.version())))
                    .forEach(found::add);
        }
        return found;
    }

    /** The records of every project in these metadata buckets, bucket by bucket, in key order. Listing only. */
    public List<RecordURI> findAll(Collection<String> metadataBuckets) {
        String prefix = RecordURI.of(RecordKind.PROJECT, (String) null).keyPath();
        List<RecordURI> found = new ArrayList<>();
        for (String bucket : metadataBuckets) {
            store.listKeys(bucket, prefix, null)
                    .map(ObjectInfo::key)
                    .filter(key -> key.endsWith("/" + RecordKind.PROJECT.file()))
                    .flatMap(key -> parsed(bucket, key))
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * Loads one record as a project file named by its {@code s3://} identifier, so a problem in it points there;
     * empty when the record is gone (removed since it was listed).
     *
     * @throws ProblemException when the record does not load as a project
     */
    public Optional<LoadedFile> load(RecordURI record) {
        return store.get(record.bucket(), record.key()).map(stored -> loader.load(ProjectSource.text(
                record.identifier(), new String(stored.body(), StandardCharsets.UTF_8), SourceFormat.JSON)));
    }

    /** A record's location, or nothing for a key that is not one (written by another tool): it is not a project. */
    private static Stream<RecordURI> parsed(String bucket, String key) {
        try {
            return Stream.of(RecordURI.parse(RecordKind.PROJECT, key).withBucket(bucket));
        } catch (IllegalArgumentException notARecord) {
            return Stream.empty();
        }
    }
}
