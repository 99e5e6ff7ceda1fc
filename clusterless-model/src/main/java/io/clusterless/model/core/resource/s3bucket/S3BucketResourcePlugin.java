package io.clusterless.model.core.resource.s3bucket;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;

import java.util.List;

/** The model of {@value S3BucketResource#TYPE}: its declaration, documentation and Lambda function names. */
public final class S3BucketResourcePlugin implements ComponentPlugin {
    private static final ComponentType TYPE = new ComponentType(
            S3BucketResource.TYPE, ComponentKind.RESOURCE, S3BucketResource.class,
            "An S3 bucket.",
            "Creates an S3 bucket with S3-managed encryption, TLS-only access and all public access blocked. "
                    + "With enableEventBridge (the default) object events go to the default EventBridge bus, "
                    + "which infrequent s3PutListenerBoundary components need.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }
}
