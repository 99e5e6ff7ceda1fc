package io.clusterless.runtime.boundary;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.boundary.InfrequentBoundary;
import io.clusterless.engine.boundary.InfrequentOutcome;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;


import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Lambda entry point of an infrequent s3PutListenerBoundary: input the EventBridge "Object Created" event, output
 * what became of the object. Props from {@code CLS_S3_PUT_BOUNDARY_PROPS_JSON}.
 */
public final class InfrequentBoundaryHandler extends JsonStreamHandler<JsonNode, InfrequentOutcome> {
    public static final String PROPS_VARIABLE = "CLS_S3_PUT_BOUNDARY_PROPS_JSON";

    private final InfrequentBoundary boundary;

    public InfrequentBoundaryHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public InfrequentBoundaryHandler(Map<String, String> environment, AwsClients clients) {
        super(JsonNode.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        BoundaryProps props = HandlerProps.read(environment, PROPS_VARIABLE, BoundaryProps.class);
        EventBridgePublisher publisher = new EventBridgePublisher(clients, props.eventBusName());
        publisher.prime(new ArcNotifyEvent(props.dataset(), "19700101PT5M000", "s3://prime/manifest.json"));
        this.boundary = new InfrequentBoundary(props, AwsClients.join(s3), publisher);
    }

    @Override
    public InfrequentOutcome handle(JsonNode event, Context context) {
        return boundary.handle(event.toString());
    }
}
