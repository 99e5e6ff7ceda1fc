package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Memory, retries, timeout and architecture of a Lambda function or Batch job. */
@JsonPropertyOrder({"memorySizeMB", "retryAttempts", "timeoutMin", "architecture"})
public abstract class RuntimeProps {
    @JsonPropertyDescription("Memory in MB.")
    private int memorySizeMB;
    @JsonPropertyDescription("Retry attempts (EventBridge targets, Batch jobs).")
    private int retryAttempts;
    @JsonPropertyDescription("Timeout in minutes.")
    private int timeoutMin;
    @JsonPropertyDescription("ARM_64 or X86_64.")
    private Architecture architecture;

    protected RuntimeProps() {
    }

    protected RuntimeProps(int memorySizeMB, int retryAttempts, int timeoutMin, Architecture architecture) {
        this.memorySizeMB = memorySizeMB;
        this.retryAttempts = retryAttempts;
        this.timeoutMin = timeoutMin;
        this.architecture = architecture;
    }

    public int getMemorySizeMB() {
        return memorySizeMB;
    }

    public int getRetryAttempts() {
        return retryAttempts;
    }

    public int getTimeoutMin() {
        return timeoutMin;
    }

    public Architecture getArchitecture() {
        return architecture;
    }

    /** Smallest memory the service accepts, in MB. */
    public abstract int minMemoryMB();

    /** Largest memory the service accepts, in MB. */
    public abstract int maxMemoryMB();

    /** What runs with these props, for messages ("Lambda", "Batch"). */
    public abstract String service();
}
