package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.naming.PlacementNames;

/**
 * The record of a project version's last deploy or destroy, written before the CDK CLI starts and completed after it
 * (ADR-0009): {@code deploys/name=<project>/version=<version>/deploy.json}. Absent parts are {@code null}.
 */
public record DeployURI(String bucket, String projectName, String projectVersion) implements StoreURI {
    static final String LAYOUT = "[s3://bucket/]deploys/name=<project>/version=<version>/deploy.json";

    public DeployURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(projectName, "projectName");
        KeyLayout.checkValue(projectVersion, "projectVersion");
    }

    public static DeployURI of(String bucket) {
        return new DeployURI(bucket, null, null);
    }

    public static DeployURI of(PlacementNames placement) {
        return of(StoreKind.METADATA.bucketName(placement));
    }

    public DeployURI withBucket(String bucket) {
        return new DeployURI(bucket, projectName, projectVersion);
    }

    public DeployURI withProjectName(String projectName) {
        return new DeployURI(bucket, projectName, projectVersion);
    }

    public DeployURI withProjectVersion(String projectVersion) {
        return new DeployURI(bucket, projectName, projectVersion);
    }

    /** Reads any rendering of this URI; see {@link StoreURI}. */
    @JsonCreator
    public static DeployURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "deploys", LAYOUT);
        reader.literal("deploys");
        String name = reader.named("name");
        String version = reader.named("version");
        reader.file("deploy.json");
        reader.end();
        return new DeployURI(reader.bucket(), name, version);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, "deploys")
                .named("name", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .file("deploy.json");
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
