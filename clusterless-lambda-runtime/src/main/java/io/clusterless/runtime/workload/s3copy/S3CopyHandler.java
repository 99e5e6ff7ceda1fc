package io.clusterless.runtime.workload.s3copy;

import com.amazonaws.services.lambda.runtime.Context;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.workload.s3copy.S3CopyWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import io.clusterless.runtime.workload.AttemptIds;
import java.util.concurrent.CompletableFuture;

import java.util.Map;

/**
 * Lambda entry point of the s3CopyArc workload: input an {@link ArcWorkloadContext}, output sink role → manifest URI.
 * Props from {@code CLS_ARC_PROPS_JSON}; {@code CLS_COPY_PARALLELISM} overrides the number of concurrent copies.
 */
public final class S3CopyHandler extends JsonStreamHandler<ArcWorkloadContext, Map<String, String>> {
    public static final String PARALLELISM_VARIABLE = "CLS_COPY_PARALLELISM";

    private final ArcProps props;
    private final S3CopyWorkload workload;

    public S3CopyHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public S3CopyHandler(Map<String, String> environment, AwsClients clients) {
        super(ArcWorkloadContext.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        this.props = HandlerProps.read(environment, "CLS_ARC_PROPS_JSON", ArcProps.class);
        int parallelism = parallelism(environment);
        this.workload = new S3CopyWorkload(AwsClients.join(s3), parallelism);
    }

    @Override
    public Map<String, String> handle(ArcWorkloadContext request, Context context) {
        return workload.run(request, props, AttemptIds.of(context));
    }

    private static int parallelism(Map<String, String> environment) {
        String value = environment.get(PARALLELISM_VARIABLE);
        if (value == null || value.isBlank()) {
            return S3CopyWorkload.DEFAULT_PARALLELISM;
        }
        try {
            int parallelism = Integer.parseInt(value.strip());
            if (parallelism >= 1) {
                return parallelism;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(PARALLELISM_VARIABLE + " must be a whole number of at least 1, found: " + value);
    }
}
