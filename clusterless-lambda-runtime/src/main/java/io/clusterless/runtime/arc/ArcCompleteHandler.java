package io.clusterless.runtime.arc;

import com.amazonaws.services.lambda.runtime.Context;
import io.clusterless.engine.arc.ArcCompleteGate;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.event.ArcStateContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import java.time.Clock;

/**
 * Lambda entry point of the arc complete gate: input and output the ArcStateContext. Props from env
 * {@code CLS_ARC_STATE_PROPS_JSON} (see {@link ArcGateProps}); complete sinks are announced on its event bus.
 */
public final class ArcCompleteHandler extends JsonStreamHandler<ArcStateContext, ArcStateContext> {
    private final ArcCompleteGate gate;

    public ArcCompleteHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    ArcCompleteHandler(Map<String, String> environment, AwsClients clients) {
        super(ArcStateContext.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        ArcGateProps props = ArcHandlerProps.fromEnvironment(environment);
        this.gate = new ArcCompleteGate(props, AwsClients.join(s3),
                new EventBridgePublisher(clients, props.arc().eventBusName()), Clock.systemUTC());
    }

    @Override
    public ArcStateContext handle(ArcStateContext input, Context context) {
        return gate.complete(input);
    }
}
