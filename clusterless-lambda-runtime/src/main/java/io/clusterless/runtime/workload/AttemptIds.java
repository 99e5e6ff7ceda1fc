package io.clusterless.runtime.workload;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The attempt id a Lambda workload writes partial manifests under: the invocation's request id, new on every retry
 * (reference §4.4); the current epoch millis outside Lambda.
 */
public final class AttemptIds {
    private AttemptIds() {
    }

    public static String of(Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        return requestId == null || requestId.isBlank() ? String.valueOf(System.currentTimeMillis()) : requestId;
    }
}
