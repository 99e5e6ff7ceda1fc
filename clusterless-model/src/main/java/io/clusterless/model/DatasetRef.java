package io.clusterless.model;

/** Anything that names a dataset by {@code name} and {@code version}. */
public interface DatasetRef {
    String getName();

    String getVersion();

    /** The dataset id {@code name/version}, as used in events ({@code datasetId}) and listener rules. */
    default String id() {
        return getName() + "/" + getVersion();
    }

    default boolean sameDataset(DatasetRef other) {
        return other != null && java.util.Objects.equals(getName(), other.getName())
                && java.util.Objects.equals(getVersion(), other.getVersion());
    }
}
