package io.clusterless.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.SinkDataset;

/**
 * "A lot of this dataset is available": published on the placement's arc bus by boundaries and by arcs for each sink
 * (reference §4.7). Listener rules match on {@code detail.datasetId}, which is why it is written but never read.
 *
 * @param dataset  the dataset, including where its objects live
 * @param lot      the lot id
 * @param manifest the manifest identifier ({@code s3://…/manifest.json})
 */
@JsonPropertyOrder({"dataset", "lot", "manifest", "datasetId"})
public record ArcNotifyEvent(SinkDataset dataset, String lot, String manifest) {
    /** EventBridge {@code Source} of every arc notification. */
    public static final String SOURCE = "clusterless.arc";
    /** EventBridge {@code DetailType} of every arc notification. */
    public static final String DETAIL_TYPE = "Clusterless Arc Notification";

    /** {@code name/version} of the dataset; derived, so written to JSON and ignored when read. */
    @JsonProperty(value = "datasetId", access = JsonProperty.Access.READ_ONLY)
    public String datasetId() {
        return dataset == null ? null : dataset.id();
    }
}
