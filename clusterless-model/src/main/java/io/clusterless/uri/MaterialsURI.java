package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.naming.PlacementNames;

/**
 * The list of every metadata object a project version wrote, so destroy can remove them:
 * {@code materials/name=<project>/version=<version>/materials.json}. Absent parts are {@code null}.
 */
public record MaterialsURI(String bucket, String projectName, String projectVersion) implements StoreURI {
    static final String LAYOUT = "[s3://bucket/]materials/name=<project>/version=<version>/materials.json";

    public MaterialsURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(projectName, "projectName");
        KeyLayout.checkValue(projectVersion, "projectVersion");
    }

    public static MaterialsURI of(String bucket) {
        return new MaterialsURI(bucket, null, null);
    }

    public static MaterialsURI of(PlacementNames placement) {
        return of(StoreKind.METADATA.bucketName(placement));
    }

    public MaterialsURI withBucket(String bucket) {
        return new MaterialsURI(bucket, projectName, projectVersion);
    }

    public MaterialsURI withProjectName(String projectName) {
        return new MaterialsURI(bucket, projectName, projectVersion);
    }

    public MaterialsURI withProjectVersion(String projectVersion) {
        return new MaterialsURI(bucket, projectName, projectVersion);
    }

    /** Reads any rendering of this URI; see {@link StoreURI}. */
    @JsonCreator
    public static MaterialsURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "materials", LAYOUT);
        reader.literal("materials");
        String name = reader.named("name");
        String version = reader.named("version");
        reader.file("materials.json");
        reader.end();
        return new MaterialsURI(reader.bucket(), name, version);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, "materials")
                .named("name", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .file("materials.json");
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
