package io.clusterless.local.resource;

import io.clusterless.model.reference.ReferenceResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What placing a resource may do on the local substrate: create bucket folders and declare catalog tables. Made per
 * deployable, whose components its references resolve among.
 */
public final class LocalResourceContext {
    private final Path bucketsRoot;
    private final ReferenceResolver references;
    private final Map<String, String> tableLocations;

    /** @param tableLocations where declared tables go: "database/table" → the table's pathURI */
    public LocalResourceContext(Path bucketsRoot, ReferenceResolver references, Map<String, String> tableLocations) {
        this.bucketsRoot = bucketsRoot;
        this.references = references;
        this.tableLocations = tableLocations;
    }

    /** The references among the deployable's components. */
    public ReferenceResolver references() {
        return references;
    }

    /** Creates the folder of a bucket: the object {@code s3://B/K} is the file {@code buckets/B/K}. */
    public void createBucket(String bucket) {
        try {
            Files.createDirectories(bucketsRoot.resolve(bucket));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create bucket folder " + bucket, e);
        }
    }

    /** Declares a table of the local catalog, so its storage descriptor names its location as Glue's would. */
    public void declareTable(String database, String table, String location) {
        tableLocations.put(database + "/" + table, location);
    }

    /** The tables declared so far. */
    public static Map<String, String> newTableLocations() {
        return new LinkedHashMap<>();
    }
}
