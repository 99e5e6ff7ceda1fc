package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.model.DatasetRef;
import io.clusterless.naming.PlacementNames;

/**
 * The owner record of a dataset in the metadata store, read to resolve sources owned by other projects:
 * {@code datasets/name=<dataset>/version=<version>/dataset.json}. Names are stored as declared. Absent parts are
 * {@code null}.
 */
public record DatasetURI(String bucket, String datasetName, String datasetVersion) implements StoreURI {
    static final String LAYOUT = "[s3://bucket/]datasets/name=<dataset>/version=<version>/dataset.json";

    public DatasetURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(datasetName, "datasetName");
        KeyLayout.checkValue(datasetVersion, "datasetVersion");
    }

    public static DatasetURI of(String bucket) {
        return new DatasetURI(bucket, null, null);
    }

    public static DatasetURI of(PlacementNames placement) {
        return of(StoreKind.METADATA.bucketName(placement));
    }

    /** The owner record of {@code dataset} in the given metadata bucket. */
    public static DatasetURI of(String bucket, DatasetRef dataset) {
        return new DatasetURI(bucket, dataset.getName(), dataset.getVersion());
    }

    public DatasetURI withBucket(String bucket) {
        return new DatasetURI(bucket, datasetName, datasetVersion);
    }

    public DatasetURI withDatasetName(String datasetName) {
        return new DatasetURI(bucket, datasetName, datasetVersion);
    }

    public DatasetURI withDatasetVersion(String datasetVersion) {
        return new DatasetURI(bucket, datasetName, datasetVersion);
    }

    /** Reads any rendering of this URI; see {@link StoreURI}. */
    @JsonCreator
    public static DatasetURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "dataset", LAYOUT);
        reader.literal("datasets");
        String name = reader.named("name");
        String version = reader.named("version");
        reader.file("dataset.json");
        reader.end();
        return new DatasetURI(reader.bucket(), name, version);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, "datasets")
                .named("name", datasetName, "datasetName")
                .named("version", datasetVersion, "datasetVersion")
                .file("dataset.json");
    }

    @JsonValue
    @Override
    public String template() {
        return layout().template();
    }

    @Override
    public String toString() {
        return template();
    }
}
