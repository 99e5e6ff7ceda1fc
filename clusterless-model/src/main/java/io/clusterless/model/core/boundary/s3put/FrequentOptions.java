package io.clusterless.model.core.boundary.s3put;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Options of the frequent strategy. */
@JsonPropertyOrder({"queueFetchWaitSec"})
public class FrequentOptions {
    @JsonPropertyDescription("SQS long-poll wait in seconds (0-20); 0 is recommended.")
    private int queueFetchWaitSec = 0;

    public int getQueueFetchWaitSec() {
        return queueFetchWaitSec;
    }
}
