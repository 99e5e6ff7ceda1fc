package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.naming.PlacementNames;

/**
 * The deployed project model in the metadata store: {@code projects/name=<project>/version=<version>/project.json}.
 * Names are stored as declared, not hyphenated. Absent parts are {@code null}.
 */
public record ProjectURI(String bucket, String projectName, String projectVersion) implements StoreURI {
    static final String LAYOUT = "[s3://bucket/]projects/name=<project>/version=<version>/project.json";

    public ProjectURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(projectName, "projectName");
        KeyLayout.checkValue(projectVersion, "projectVersion");
    }

    public static ProjectURI of(String bucket) {
        return new ProjectURI(bucket, null, null);
    }

    public static ProjectURI of(PlacementNames placement) {
        return of(StoreKind.METADATA.bucketName(placement));
    }

    public ProjectURI withBucket(String bucket) {
        return new ProjectURI(bucket, projectName, projectVersion);
    }

    public ProjectURI withProjectName(String projectName) {
        return new ProjectURI(bucket, projectName, projectVersion);
    }

    public ProjectURI withProjectVersion(String projectVersion) {
        return new ProjectURI(bucket, projectName, projectVersion);
    }

    /** Reads any rendering of this URI; see {@link StoreURI}. */
    @JsonCreator
    public static ProjectURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "project", LAYOUT);
        reader.literal("projects");
        String name = reader.named("name");
        String version = reader.named("version");
        reader.file("project.json");
        reader.end();
        return new ProjectURI(reader.bucket(), name, version);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, "projects")
                .named("name", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .file("project.json");
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
