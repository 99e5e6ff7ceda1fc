package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.naming.PlacementNames;

/**
 * A deployed arc model in the metadata store: {@code arcs/project=<project>/version=<version>/arc=<arc>/arc.json}.
 * Names are stored as declared. Absent parts are {@code null}.
 */
public record ArcURI(String bucket, String projectName, String projectVersion, String arcName) implements StoreURI {
    static final String LAYOUT = "[s3://bucket/]arcs/project=<project>/version=<version>/arc=<arc>/arc.json";
    /** The name of every arc model object. */
    public static final String FILE = "arc.json";

    public ArcURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(projectName, "projectName");
        KeyLayout.checkValue(projectVersion, "projectVersion");
        KeyLayout.checkValue(arcName, "arcName");
    }

    public static ArcURI of(String bucket) {
        return new ArcURI(bucket, null, null, null);
    }

    public static ArcURI of(PlacementNames placement) {
        return of(StoreKind.METADATA.bucketName(placement));
    }

    public ArcURI withBucket(String bucket) {
        return new ArcURI(bucket, projectName, projectVersion, arcName);
    }

    public ArcURI withProjectName(String projectName) {
        return new ArcURI(bucket, projectName, projectVersion, arcName);
    }

    public ArcURI withProjectVersion(String projectVersion) {
        return new ArcURI(bucket, projectName, projectVersion, arcName);
    }

    public ArcURI withArcName(String arcName) {
        return new ArcURI(bucket, projectName, projectVersion, arcName);
    }

    /** Reads any rendering of this URI; see {@link StoreURI}. */
    @JsonCreator
    public static ArcURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "arc", LAYOUT);
        reader.literal("arcs");
        String project = reader.named("project");
        String version = reader.named("version");
        String arc = reader.named("arc");
        reader.file(FILE);
        reader.end();
        return new ArcURI(reader.bucket(), project, version, arc);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, "arcs")
                .named("project", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .named("arc", arcName, "arcName")
                .file(FILE);
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
