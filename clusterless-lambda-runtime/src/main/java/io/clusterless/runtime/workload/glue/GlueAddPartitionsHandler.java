package io.clusterless.runtime.workload.glue;

import com.amazonaws.services.lambda.runtime.Context;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.glue.GlueAddPartitionsWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.GlueCatalog;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;
import java.util.concurrent.CompletableFuture;

import java.util.Map;

/**
 * Lambda entry point of the glueAddPartitionsArc workload: input an {@link ArcWorkloadContext}, output sink role →
 * manifest URI. Props from {@code CLS_ARC_PROPS_JSON}.
 */
public final class GlueAddPartitionsHandler extends JsonStreamHandler<ArcWorkloadContext, Map<String, String>> {
    private final ArcProps props;
    private final GlueAddPartitionsWorkload workload;

    public GlueAddPartitionsHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public GlueAddPartitionsHandler(Map<String, String> environment, AwsClients clients) {
        super(ArcWorkloadContext.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        this.workload = new GlueAddPartitionsWorkload(AwsClients.join(s3), new GlueCatalog(clients));
    }

    @Override
    public Map<String, String> handle(ArcWorkloadContext request, Context context) {
        return workload.run(request, props, AttemptIds.of(context));
    }
}
