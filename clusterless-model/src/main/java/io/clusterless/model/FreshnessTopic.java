package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The SNS topic a project's freshness notifications go to (issue 19): each change of a dataset's level and each
 * freshness alarm. Who is told subscribes to it; the project only declares it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FreshnessTopic {
    /** SNS: up to 256 letters, digits, hyphens and underscores. */
    public static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,256}";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Name of the SNS topic to create (letters, digits, - and _, at most 256), e.g. "
            + "\"orders-freshness\"; subscribe people or systems to it.")
    private String topicName;

    public FreshnessTopic() {
    }

    public FreshnessTopic(String topicName) {
        this.topicName = topicName;
    }

    public String getTopicName() {
        return topicName;
    }
}
