package io.clusterless.uri;

import io.clusterless.naming.PlacementNames;

import java.util.Arrays;

/** The three stores of a placement (reference §4.1), each one bucket. */
public enum StoreKind {
    METADATA("metadata"),
    ARC_STATE("arcState"),
    MANIFEST("manifest");

    private final String typeKey;

    StoreKind(String typeKey) {
        this.typeKey = typeKey;
    }

    /** The key used in bootstrap metadata and export refs, e.g. {@code arcState}. */
    public String typeKey() {
        return typeKey;
    }

    public String bucketName(PlacementNames placement) {
        return switch (this) {
            case METADATA -> placement.metadataBucket();
            case ARC_STATE -> placement.arcStateBucket();
            case MANIFEST -> placement.manifestBucket();
        };
    }

    /** @throws IllegalArgumentException naming the accepted keys */
    public static StoreKind ofTypeKey(String typeKey) {
        return Arrays.stream(values()).filter(kind -> kind.typeKey.equals(typeKey)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown store: " + typeKey
                        + ", expected one of metadata, arcState, manifest"));
    }
}
