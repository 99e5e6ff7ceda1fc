package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Turns external arrivals into lots of the dataset it produces, with availability events. */
public abstract class Boundary extends Component {
    @JsonProperty(required = true)
    @JsonPropertyDescription("The dataset this boundary produces: name, version and the s3:// prefix listened to.")
    private SinkDataset dataset;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Lot interval: Fourths (15 min), Sixths (10 min), Twelfths (5 min), Hours or Days.")
    private String lotUnit;

    public SinkDataset getDataset() {
        return dataset;
    }

    public String getLotUnit() {
        return lotUnit;
    }
}
