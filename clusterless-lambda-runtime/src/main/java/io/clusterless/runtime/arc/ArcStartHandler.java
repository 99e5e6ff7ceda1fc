package io.clusterless.runtime.arc;

import com.amazonaws.services.lambda.runtime.Context;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.JsonStreamHandler;

import java.time.Clock;

/**
 * Lambda entry point of the arc start gate: input the ArcNotifyEvent ({@code $.detail} of the EventBridge event),
 * output the ArcStateContext. Props from env {@code CLS_ARC_STATE_PROPS_JSON} (see {@link ArcGateProps}).
 */
public final class ArcStartHandler extends JsonStreamHandler<ArcNotifyEvent, ArcStateContext> {

    private final ArcStartGate gate;

    public ArcStartHandler() {
        this(ArcHandlerProps.fromEnvironment(System.getenv()), AwsClients.fromEnvironment());
    }

    ArcStartHandler(ArcGateProps props, AwsClients clients) {
        super(ArcNotifyEvent.class);
        this.gate = new ArcStartGate(props, new S3ObjectStore(clients.s3()), Clock.systemUTC());
    }

    @Override
    public ArcStateContext handle(ArcNotifyEvent event, Context context) {
        return gate.start(event);
    }
}
