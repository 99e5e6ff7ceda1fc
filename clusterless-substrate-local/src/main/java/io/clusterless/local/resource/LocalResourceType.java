package io.clusterless.local.resource;

import io.clusterless.model.Resource;

/**
 * One resource type on the local substrate, found with {@link java.util.ServiceLoader} by {@link #componentType()}
 * ({@code META-INF/services/io.clusterless.local.resource.LocalResourceType}), declared in the type's own folder:
 * what the resource is on one machine and how a run places it. Every resource type declares one, also where it
 * needs nothing locally, so that a new type cannot be forgotten.
 */
public interface LocalResourceType {
    /** The component type id, e.g. {@code aws:core:s3Bucket}. */
    String componentType();

    /** What the resource is on one machine, in one sentence for the user (e.g. "a folder under buckets/"). */
    String localForm();

    /** Places one resource of this type (not excluded) before anything runs. */
    void place(Resource resource, LocalResourceContext context);
}
