package io.clusterless.model;

/** Runtime props of an AWS Batch (Fargate) job: memory 512 to 10,240 MB. */
public class BatchRuntimeProps extends RuntimeProps {
    public BatchRuntimeProps() {
    }

    public BatchRuntimeProps(int memorySizeMB, int retryAttempts, int timeoutMin, Architecture architecture) {
        super(memorySizeMB, retryAttempts, timeoutMin, architecture);
    }

    @Override
    public int minMemoryMB() {
        return 512;
    }

    @Override
    public int maxMemoryMB() {
        return 10_240;
    }

    @Override
    public String service() {
        return "Batch";
    }
}
