package io.clusterless.model;

/** Runtime props of a Lambda function: memory 128 to 10,240 MB. */
public class LambdaRuntimeProps extends RuntimeProps {
    public LambdaRuntimeProps() {
    }

    public LambdaRuntimeProps(int memorySizeMB, int retryAttempts, int timeoutMin, Architecture architecture) {
        super(memorySizeMB, retryAttempts, timeoutMin, architecture);
    }

    @Override
    public int minMemoryMB() {
        return 128;
    }

    @Override
    public int maxMemoryMB() {
        return 10_240;
    }

    @Override
    public String service() {
        return "Lambda";
    }
}
