package io.clusterless.substrate.aws.component.resource.s3bucket;

import io.clusterless.model.Resource;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.constructs.Construct;

/** The AWS part of {@value S3BucketResource#TYPE}. */
public final class S3BucketResourceAws implements ResourceConstruct {
    @Override
    public String type() {
        return S3BucketResource.TYPE;
    }

    @Override
    public void build(Construct stack, ProjectScope project, Resource resource) {
        new S3BucketConstruct(stack, project, (S3BucketResource) resource);
    }
}
