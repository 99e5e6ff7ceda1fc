package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A scheduled chore not tied to datasets. */
public abstract class Activity extends Component {
    @JsonProperty(required = true)
    @JsonPropertyDescription("How often the activity runs: Fourths (15 min), Sixths (10 min), Twelfths (5 min), Hours or Days.")
    private String interval;

    public String getInterval() {
        return interval;
    }
}
