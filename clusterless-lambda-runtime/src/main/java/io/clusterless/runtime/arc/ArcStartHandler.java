package io.clusterless.runtime.arc;

import com.amazonaws.services.lambda.runtime.Context;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import java.time.Clock;

/**
 * Lambda entry point of the arc start gate: input the ArcNotifyEvent ({@code $.detail} of the EventBridge event),
 * output the ArcStateContext. Props from env {@code CLS_ARC_STATE_PROPS_JSON} (see {@link ArcGateProps}).
 */
public final class ArcStartHandler extends JsonStreamHandler<ArcNotifyEvent, ArcStateContext> {

    private final ArcStartGate gate;

    public ArcStartHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    ArcStartHandler(Map<String, String> environment, AwsClients clients) {
        super(ArcNotifyEvent.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        ArcGateProps props = ArcHandlerProps.fromEnvironment(environment);
        this.gate = new ArcStartGate(props, AwsClients.join(s3), Clock.systemUTC());
    }

    @Override
    public ArcStateContext handle(ArcNotifyEvent event, Context context) {
        return gate.start(event);
    }
}
