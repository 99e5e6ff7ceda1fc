package io.clusterless.model;

/** The type-specific part of an arc: what runs for each lot. */
public interface WorkloadSettings {
}
