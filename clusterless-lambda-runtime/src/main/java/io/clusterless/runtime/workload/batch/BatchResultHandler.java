package io.clusterless.runtime.workload.batch;

import com.amazonaws.services.lambda.runtime.Context;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.batch.BatchResultCollector;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import java.util.concurrent.CompletableFuture;

import java.util.Map;

/**
 * Lambda entry point of the batchExecArc result step: input the {@link ArcWorkloadContext} the Batch job ran for,
 * output sink role → manifest URI. Props from {@code CLS_ARC_PROPS_JSON}.
 */
public final class BatchResultHandler extends JsonStreamHandler<ArcWorkloadContext, Map<String, String>> {
    private final ArcProps props;
    private final BatchResultCollector collector;

    public BatchResultHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public BatchResultHandler(Map<String, String> environment, AwsClients clients) {
        super(ArcWorkloadContext.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        this.collector = new BatchResultCollector(AwsClients.join(s3));
    }

    @Override
    public Map<String, String> handle(ArcWorkloadContext request, Context context) {
        return collector.collect(request, props);
    }
}
