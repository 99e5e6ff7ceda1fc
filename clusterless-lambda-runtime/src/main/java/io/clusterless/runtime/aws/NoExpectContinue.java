package io.clusterless.runtime.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Drops {@code Expect: 100-continue} from S3 uploads. With the URL-connection HTTP client, a server that closes a
 * kept-alive connection during the 100-continue handshake surfaces as an unchecked I/O error the SDK does not retry;
 * our objects are small (manifests, state markers), so the handshake buys nothing.
 */
final class NoExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
