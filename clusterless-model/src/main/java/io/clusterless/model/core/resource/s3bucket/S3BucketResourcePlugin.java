package io.clusterless.model.core.resource.s3bucket;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;
import io.clusterless.naming.BucketNames;

import java.util.List;

/**
 * The model of {@value S3BucketResource#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class S3BucketResourcePlugin implements ComponentPlugin, ComponentRules<S3BucketResource> {
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

    @Override
    public List<ComponentRule<S3BucketResource>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.LOCATIONS, S3BucketResourcePlugin::bucketName));
    }

    private static void bucketName(Located<S3BucketResource> bucket, RuleContext context, List<Problem> problems) {
        String problem = BucketNames.problem(bucket.value().getBucketName());
        if (problem != null) {
            problems.add(bucket.problem("bucketName", problem));
        }
    }
}
