package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client for AWS services that speak the JSON protocol (EventBridge, SQS, Glue, CloudWatch Logs), built on the
 * SDK's own SigV4 signer, credential chain and HTTP client. One small class instead of four service modules keeps
 * the Lambda jar under its size budget; requests and answers are the services' documented JSON.
 */
public final class AwsJsonClient {
    private static final Set<String> RETRYABLE_CODES = Set.of("ThrottlingException", "Throttling",
            "TooManyRequestsException", "ThrottledException", "RequestLimitExceeded", "ServiceUnavailable",
            "InternalFailure", "InternalServerException", "InternalServiceException", "RequestThrottled");
    private static final int MAX_ATTEMPTS = 5;
    private static final long BASE_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final AwsClients clients;
    private final String signingName;
    private final String targetPrefix;
    private final String contentType;
    private final URI endpoint;

    /**
     * @param service      endpoint prefix and signing name, e.g. {@code events}, {@code glue}, {@code logs}, {@code sqs}
     * @param targetPrefix the {@code X-Amz-Target} prefix, e.g. {@code AWSEvents}, {@code AWSGlue}
     * @param jsonVersion  {@code 1.0} or {@code 1.1}
     */
    public AwsJsonClient(AwsClients clients, String service, String targetPrefix, String jsonVersion) {
        this(clients, service, service, targetPrefix, jsonVersion);
    }

    /**
     * @param host the endpoint's host prefix where it is not the signing name ({@code api.sagemaker} for
     *             {@code sagemaker})
     */
    public AwsJsonClient(AwsClients clients, String service, String host, String targetPrefix, String jsonVersion) {
        this.clients = clients;
        this.signingName = service;
        this.targetPrefix = targetPrefix;
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.endpoint = clients.settings().endpoint(service)
                .orElse(URI.create("https://" + host + "." + clients.settings().region() + ".amazonaws.com"));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Calls {@code operation}, retrying throttling and server errors with jittered exponential backoff. */
    public JsonNode call(String operation, JsonNode request) {
        byte[] body;
        try {
            body = Json.records().writeValueAsBytes(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return send(operation, body);
            } catch (AwsJsonException e) {
                if (attempt >= MAX_ATTEMPTS || !(e.status() >= 500 || RETRYABLE_CODES.contains(e.code()))) {
                    throw e;
                }
            } catch (UncheckedIOException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
            sleep(attempt);
        }
    }

    /**
     * Loads the request path (JSON writing, credentials, SigV4 signing) without sending anything: a cold start
     * does this work while other initialisation runs, and a SnapStart snapshot then holds it. No connection opens.
     */
    public void prime(String operation, JsonNode sampleRequest) {
        try {
            sign(operation, Json.records().writeValueAsBytes(sampleRequest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SignedRequest sign(String operation, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", contentType)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation)
                .build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(clients.credentials().resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, clients.settings().region()));
    }

    private JsonNode send(String operation, byte[] body) {
        SignedRequest signed = sign(operation, body);
        try {
            HttpExecuteResponse response = clients.http().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null))
                    .build()).call();
            byte[] answer;
            try (InputStream in = response.responseBody().map(s -> (InputStream) s).orElse(InputStream.nullInputStream())) {
                answer = in.readAllBytes();
            }
            int status = response.httpResponse().statusCode();
            JsonNode json = answer.length == 0 ? Json.records().createObjectNode() : Json.records().readTree(answer);
            if (status >= 300) {
                throw new AwsJsonException(errorCode(json, response), status, errorMessage(json));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(targetPrefix + "." + operation + " failed: " + e.getMessage(), e);
        }
    }

    private static String errorCode(JsonNode json, HttpExecuteResponse response) {
        String type = json.path("__type").asText(null);
        if (type == null) {
            type = response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse("UnknownError");
        }
        int hash = type.lastIndexOf('#');
        String code = hash >= 0 ? type.substring(hash + 1) : type;
        int colon = code.indexOf(':');
        return colon >= 0 ? code.substring(0, colon) : code;
    }

    private static String errorMessage(JsonNode json) {
        String message = json.path("message").asText(null);
        return message != null ? message : json.path("Message").asText("no message");
    }

    private static void sleep(int attempt) {
        long cap = Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
