package io.clusterless.runtime.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Stops a request marked {@link #PRIMING} just before it would go on the wire: the request has been marshalled,
 * its endpoint resolved and it has been signed, which is the first request's class loading and warm-up, without a
 * network call. Used at start (and before a SnapStart checkpoint) so the first real event does not pay for it.
 */
final class PrimingStop implements ExecutionInterceptor {
    static final ExecutionAttribute<Boolean> PRIMING = new ExecutionAttribute<>("ClusterlessPriming");

    /** Thrown in place of sending a priming request; never retried (it is not an I/O error). */
    static final class Primed extends RuntimeException {
        Primed() {
            super("priming request stopped before transmission", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(PRIMING))) {
            throw new Primed();
        }
    }
}
