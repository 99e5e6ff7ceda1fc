package io.clusterless.runtime.boundary;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;

import java.util.Map;

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
        BoundaryProps props = HandlerProps.read(environment, PROPS_VARIABLE, BoundaryProps.class);
        this.boundary = new InfrequentBoundary(props, new S3ObjectStore(clients.s3()),
                new EventBridgePublisher(clients, props.eventBusName()));
    }

    @Override
    public InfrequentOutcome handle(JsonNode event, Context context) {
        return boundary.handle(event.toString());
    }
}
