package io.clusterless.model.core.resource.s3bucket;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code aws:core:s3Bucket}: an S3 bucket, always encrypted, TLS-only, with public access blocked. */
@JsonPropertyOrder({"type", "name", "exclude", "bucketName", "versioned", "enableEventBridge", "removeOnDestroy", "tags"})
public class S3BucketResource extends Resource {
    public static final String TYPE = "aws:core:s3Bucket";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Globally unique bucket name: 3-63 characters, lower case, digits, '.' and '-'.")
    private String bucketName;
    @JsonPropertyDescription("Keep object versions.")
    private boolean versioned = false;
    @JsonPropertyDescription("Send S3 events to the default EventBridge bus (needed by infrequent boundaries).")
    private boolean enableEventBridge = true;
    @JsonPropertyDescription("false: the bucket is retained when the stack is destroyed.")
    private boolean removeOnDestroy = false;
    @JsonPropertyDescription("Tags applied to the bucket.")
    private Map<String, String> tags = new LinkedHashMap<>();

    public String getBucketName() {
        return bucketName;
    }

    public boolean isVersioned() {
        return versioned;
    }

    public boolean isEnableEventBridge() {
        return enableEventBridge;
    }

    public boolean isRemoveOnDestroy() {
        return removeOnDestroy;
    }

    public Map<String, String> getTags() {
        return tags;
    }
}
