package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * How fresh a dataset is promised to be: the age of its newest complete lot (from the end of that lot's interval)
 * after which it is a warning, and after which it is an error. Either may be left out.
 */
@JsonPropertyOrder({"warnAfter", "errorAfter"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Freshness {
    @JsonPropertyDescription("ISO-8601 duration (e.g. PT30M): older than this, the dataset's level is warn.")
    private String warnAfter;
    @JsonPropertyDescription("ISO-8601 duration (e.g. PT2H): older than this, the dataset's level is error "
            + "(on AWS a CloudWatch alarm goes off).")
    private String errorAfter;

    public Freshness() {
    }

    public Freshness(String warnAfter, String errorAfter) {
        this.warnAfter = warnAfter;
        this.errorAfter = errorAfter;
    }

    public String getWarnAfter() {
        return warnAfter;
    }

    public String getErrorAfter() {
        return errorAfter;
    }

    /** Empty when not set; throws {@link DateTimeParseException} for text that is not an ISO-8601 duration. */
    @JsonIgnore
    public Optional<Duration> warnAfterDuration() {
        return parse(warnAfter);
    }

    @JsonIgnore
    public Optional<Duration> errorAfterDuration() {
        return parse(errorAfter);
    }

    private static Optional<Duration> parse(String text) {
        return text == null ? Optional.empty() : Optional.of(Duration.parse(text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Freshness that && Objects.equals(warnAfter, that.warnAfter)
                && Objects.equals(errorAfter, that.errorAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(warnAfter, errorAfter);
    }
}
