package io.clusterless.runtime.boundary;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.engine.boundary.FrequentBoundary;
import io.clusterless.engine.boundary.FrequentOutcome;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.aws.SqsQueue;
import io.clusterless.runtime.lambda.HandlerProps;
import io.clusterless.runtime.lambda.JsonStreamHandler;
import java.util.concurrent.CompletableFuture;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Lambda entry point of a frequent s3PutListenerBoundary: input the scheduled EventBridge event, output the
 * interval's manifest and queue counts. Props from {@code CLS_FREQUENT_S3_PUT_BOUNDARY_PROPS_JSON}. The queue URL
 * is resolved on first use, not at construction, so a SnapStart snapshot holds no connection.
 */
public final class FrequentBoundaryHandler extends JsonStreamHandler<JsonNode, FrequentOutcome> {
    public static final String PROPS_VARIABLE = "CLS_FREQUENT_S3_PUT_BOUNDARY_PROPS_JSON";

    private final Supplier<FrequentBoundary> boundary;
    private FrequentBoundary resolved;

    public FrequentBoundaryHandler() {
        this(System.getenv(), AwsClients.fromEnvironment());
    }

    public FrequentBoundaryHandler(Map<String, String> environment, AwsClients clients) {
        super(JsonNode.class);
        CompletableFuture<S3ObjectStore> s3 = clients.s3StoreInBackground();
        BoundaryProps props = HandlerProps.read(environment, PROPS_VARIABLE, BoundaryProps.class);
        this.boundary = () -> new FrequentBoundary(props, AwsClients.join(s3),
                new SqsQueue(clients, props.sqsQueueName()), new EventBridgePublisher(clients, props.eventBusName()));
    }

    @Override
    public FrequentOutcome handle(JsonNode event, Context context) {
        if (resolved == null) {
            resolved = boundary.get();
        }
        return resolved.handle(event.toString());
    }
}
