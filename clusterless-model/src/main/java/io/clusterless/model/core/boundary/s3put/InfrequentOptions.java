package io.clusterless.model.core.boundary.s3put;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Options of the infrequent strategy. */
@JsonPropertyOrder({"lotSource", "keyRegex", "enableEventBridge"})
public class InfrequentOptions {
    @JsonPropertyDescription("objectModifiedTime, eventTime or keyTimestampRegex.")
    private LotSource lotSource = LotSource.objectModifiedTime;
    @JsonPropertyDescription("With keyTimestampRegex: a regex over the object key whose named groups (year, month, day, hour, minute) or single group (an ISO-8601 instant or epoch millis) give the lot time.")
    private String keyRegex;
    @JsonPropertyDescription("Turn on EventBridge notifications for the listened bucket from this stack.")
    private boolean enableEventBridge = false;

    public LotSource getLotSource() {
        return lotSource;
    }

    public String getKeyRegex() {
        return keyRegex;
    }

    public boolean isEnableEventBridge() {
        return enableEventBridge;
    }
}
