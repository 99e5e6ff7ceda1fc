package io.clusterless.engine.boundary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.location.S3Location;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.PathFilter;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.boundary.s3put.LotSource;

import java.util.Objects;

/**
 * What an S3 put boundary function is deployed with (reference §4.7; env {@code CLS_S3_PUT_BOUNDARY_PROPS_JSON} and
 * {@code CLS_FREQUENT_S3_PUT_BOUNDARY_PROPS_JSON}). Manifest keys follow from {@code manifestBucket} and the dataset
 * ({@code datasets/name=…/version=…/lot=…/state=…/manifest.json}), so no path templates are carried.
 *
 * @param lotUnit            the interval of a lot
 * @param dataset            the dataset the boundary produces; its {@code pathURI} is the listened {@code s3://bucket/prefix/}
 * @param manifestBucket     the placement's manifest bucket
 * @param eventBusName       the placement's arc event bus
 * @param filter             which arrived objects belong to the dataset; never null (an empty filter keeps all)
 * @param lotSource          infrequent only: where an object's lot time comes from; defaults to objectModifiedTime
 * @param keyRegex           infrequent only, with {@link LotSource#keyTimestampRegex}: see {@link KeyTimestampRegex}
 * @param sqsQueueName       frequent only: the queue S3 notifications arrive in
 * @param sqsWaitTimeSeconds frequent only: long-poll wait of each receive, 0 to 20
 */
@JsonPropertyOrder({"lotUnit", "dataset", "manifestBucket", "eventBusName", "filter", "lotSource", "keyRegex",
        "sqsQueueName", "sqsWaitTimeSeconds"})
public record BoundaryProps(LotUnit lotUnit, SinkDataset dataset, String manifestBucket, String eventBusName,
                            PathFilter filter, LotSource lotSource, String keyRegex, String sqsQueueName,
                            int sqsWaitTimeSeconds) {
    /** The environment variables the infrequent and frequent boundary handlers read these props from. */
    public static final String INFREQUENT_VARIABLE = "CLS_S3_PUT_BOUNDARY_PROPS_JSON";
    public static final String FREQUENT_VARIABLE = "CLS_FREQUENT_S3_PUT_BOUNDARY_PROPS_JSON";

    public BoundaryProps {
        Objects.requireNonNull(lotUnit, "boundary props: lotUnit is required");
        Objects.requireNonNull(dataset, "boundary props: dataset is required");
        Objects.requireNonNull(manifestBucket, "boundary props: manifestBucket is required");
        S3Location.parse(dataset.getPathURI());
        filter = filter == null ? new PathFilter() : filter;
        lotSource = lotSource == null ? LotSource.objectModifiedTime : lotSource;
        if (sqsWaitTimeSeconds < 0 || sqsWaitTimeSeconds > 20) {
            throw new IllegalArgumentException("boundary props: sqsWaitTimeSeconds must be 0 to 20, found: "
                    + sqsWaitTimeSeconds);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the props as written to the function's environment. */
    public static BoundaryProps fromJson(String json) {
        try {
            return Json.records().readValue(json, BoundaryProps.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable boundary props: " + e.getOriginalMessage(), e);
        }
    }

    public String toJson() {
        try {
            return Json.records().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write boundary props", e);
        }
    }

    /** Where the dataset's objects live. */
    public S3Location location() {
        return S3Location.parse(dataset.getPathURI());
    }

    public static final class Builder {
        private LotUnit lotUnit;
        private SinkDataset dataset;
        private String manifestBucket;
        private String eventBusName;
        private PathFilter filter;
        private LotSource lotSource;
        private String keyRegex;
        private String sqsQueueName;
        private int sqsWaitTimeSeconds;

        private Builder() {
        }

        public Builder lotUnit(LotUnit lotUnit) {
            this.lotUnit = lotUnit;
            return this;
        }

        public Builder dataset(SinkDataset dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder manifestBucket(String manifestBucket) {
            this.manifestBucket = manifestBucket;
            return this;
        }

        public Builder eventBusName(String eventBusName) {
            this.eventBusName = eventBusName;
            return this;
        }

        public Builder filter(PathFilter filter) {
            this.filter = filter;
            return this;
        }

        public Builder lotSource(LotSource lotSource) {
            this.lotSource = lotSource;
            return this;
        }

        public Builder keyRegex(String keyRegex) {
            this.keyRegex = keyRegex;
            return this;
        }

        public Builder sqsQueueName(String sqsQueueName) {
            this.sqsQueueName = sqsQueueName;
            return this;
        }

        public Builder sqsWaitTimeSeconds(int sqsWaitTimeSeconds) {
            this.sqsWaitTimeSeconds = sqsWaitTimeSeconds;
            return this;
        }

        public BoundaryProps build() {
            return new BoundaryProps(lotUnit, dataset, manifestBucket, eventBusName, filter, lotSource, keyRegex,
                    sqsQueueName, sqsWaitTimeSeconds);
        }
    }
}
