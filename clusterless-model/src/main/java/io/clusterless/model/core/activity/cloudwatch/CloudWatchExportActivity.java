package io.clusterless.model.core.activity.cloudwatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Activity;
import io.clusterless.model.Architecture;
import io.clusterless.model.LambdaRuntimeProps;

/** {@code aws:core:cloudWatchExport}: exports a CloudWatch Logs group to S3 every interval. */
@JsonPropertyOrder({"type", "name", "exclude", "interval", "logGroupName", "logStreamPrefix", "bucketRef", "pathURI",
        "runtimeProps"})
public class CloudWatchExportActivity extends Activity {
    public static final String TYPE = "aws:core:cloudWatchExport";

    @JsonProperty(required = true)
    @JsonPropertyDescription("Log group to export.")
    private String logGroupName;
    @JsonPropertyDescription("Only export streams with this prefix.")
    private String logStreamPrefix;
    @JsonPropertyDescription("An s3Bucket component of this project; its bucket replaces the host of pathURI.")
    private String bucketRef;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Destination s3://bucket/prefix (s3:///prefix or /prefix with bucketRef).")
    private String pathURI;
    @JsonPropertyDescription("Lambda props of the export function.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(1024, 3, 15, Architecture.ARM_64);

    public String getLogGroupName() {
        return logGroupName;
    }

    public String getLogStreamPrefix() {
        return logStreamPrefix;
    }

    public String getBucketRef() {
        return bucketRef;
    }

    public String getPathURI() {
        return pathURI;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}
