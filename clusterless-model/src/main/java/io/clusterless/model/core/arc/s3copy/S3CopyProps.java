package io.clusterless.model.core.arc.s3copy;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.PathFilter;

/** What an s3CopyArc copies, and how many failed copies still make a partial result. */
@JsonPropertyOrder({"filter", "failArcOnPartialPercent"})
public class S3CopyProps {
    @JsonPropertyDescription("Which objects of the source lot to copy.")
    private PathFilter filter = new PathFilter();
    @JsonPropertyDescription("Fraction (0.0-1.0) of copies that may fail and still produce a partial manifest.")
    private double failArcOnPartialPercent = 0.0;

    public PathFilter getFilter() {
        return filter;
    }

    public double getFailArcOnPartialPercent() {
        return failArcOnPartialPercent;
    }
}
