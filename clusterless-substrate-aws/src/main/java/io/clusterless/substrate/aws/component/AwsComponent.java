package io.clusterless.substrate.aws.component;

/**
 * The AWS part of one component type, found with {@link java.util.ServiceLoader} (list each implementation in
 * {@code META-INF/services/io.clusterless.substrate.aws.component.AwsComponent}). An implementation extends the
 * hook of its type's kind ({@link ResourceConstruct}, {@link BoundaryConstruct}, {@link ActivityConstruct},
 * {@link ArcWorkloadConstruct}) and lives with its constructs in the type's folder, named like the model's
 * ({@code component.arc.s3copy} for {@code model.core.arc.s3copy}).
 */
public interface AwsComponent {
    /** The component type id, e.g. {@code aws:core:s3CopyArc}. */
    String type();
}
