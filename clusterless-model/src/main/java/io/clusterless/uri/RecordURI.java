package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.model.DatasetRef;
import io.clusterless.naming.PlacementNames;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One record of the metadata store kept per name and version: a project model, a project version's materials or
 * deploy record, a dataset's owner record. The {@link RecordKind} gives the layout
 * {@code <root>/name=<name>/version=<version>/<file>}. Absent parts are {@code null}.
 */
public record RecordURI(RecordKind kind, String bucket, String name, String version) implements StoreURI {
    public RecordURI {
        Objects.requireNonNull(kind, "kind");
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(name, kind.nameVariable());
        KeyLayout.checkValue(version, kind.versionVariable());
    }

    /** Every record of the kind in the bucket, name and version open: list its {@link #keyPath()}. */
    public static RecordURI of(RecordKind kind, String bucket) {
        return new RecordURI(kind, bucket, null, null);
    }

    public static RecordURI of(RecordKind kind, PlacementNames placement) {
        return of(kind, StoreKind.METADATA.bucketName(placement));
    }

    public static RecordURI of(RecordKind kind, String bucket, String name, String version) {
        return new RecordURI(kind, bucket, name, version);
    }

    /** The owner record of {@code dataset} in the given metadata bucket. */
    public static RecordURI ofDataset(String bucket, DatasetRef dataset) {
        return new RecordURI(RecordKind.DATASET, bucket, dataset.getName(), dataset.getVersion());
    }

    public RecordURI withBucket(String bucket) {
        return new RecordURI(kind, bucket, name, version);
    }

    public RecordURI withName(String name) {
        return new RecordURI(kind, bucket, name, version);
    }

    public RecordURI withVersion(String version) {
        return new RecordURI(kind, bucket, name, version);
    }

    /** Reads any rendering of a record of this kind; see {@link StoreURI}. */
    public static RecordURI parse(RecordKind kind, String text) {
        KeyReader reader = KeyReader.read(text, kind.noun(), kind.layout());
        reader.literal(kind.root());
        String name = reader.named("name");
        String version = reader.named("version");
        reader.file(kind.file());
        reader.end();
        return new RecordURI(kind, reader.bucket(), name, version);
    }

    /** Reads any rendering of any record, its kind told by the key's first segment. */
    @JsonCreator
    public static RecordURI parse(String text) {
        String layouts = Arrays.stream(RecordKind.values()).map(RecordKind::layout).collect(Collectors.joining(" or "));
        KeyReader reader = KeyReader.read(text, "metadata record", layouts);
        String root = reader.peek();
        return parse(RecordKind.ofRoot(root).orElseThrow(() -> reader.error("found '" + root + "' where "
                + Arrays.stream(RecordKind.values()).map(RecordKind::root).collect(Collectors.joining(", "))
                + " belongs")), text);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, kind.root())
                .named("name", name, kind.nameVariable())
                .named("version", version, kind.versionVariable())
                .file(kind.file());
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
