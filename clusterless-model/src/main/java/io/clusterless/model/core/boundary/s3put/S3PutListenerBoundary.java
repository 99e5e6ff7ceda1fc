package io.clusterless.model.core.boundary.s3put;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Architecture;
import io.clusterless.model.Boundary;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.PathFilter;

/** {@code aws:core:s3PutListenerBoundary}: turns objects put under an S3 prefix into lots. */
@JsonPropertyOrder({"type", "name", "exclude", "dataset", "lotUnit", "eventArrival", "infrequent", "frequent", "filter",
        "runtimeProps"})
public class S3PutListenerBoundary extends Boundary {
    public static final String TYPE = "aws:core:s3PutListenerBoundary";

    @JsonPropertyDescription("infrequent (one object per lot, from S3 events) or frequent (queued, a manifest every interval).")
    private EventArrival eventArrival = EventArrival.infrequent;
    @JsonPropertyDescription("Options of the infrequent strategy.")
    private InfrequentOptions infrequent = new InfrequentOptions();
    @JsonPropertyDescription("Options of the frequent strategy.")
    private FrequentOptions frequent = new FrequentOptions();
    @JsonPropertyDescription("Which arrived objects belong to the dataset.")
    private PathFilter filter = new PathFilter();
    @JsonPropertyDescription("Lambda props of the boundary function.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(1024, 3, 15, Architecture.ARM_64);

    public EventArrival getEventArrival() {
        return eventArrival;
    }

    public InfrequentOptions getInfrequent() {
        return infrequent;
    }

    public FrequentOptions getFrequent() {
        return frequent;
    }

    public PathFilter getFilter() {
        return filter;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}
