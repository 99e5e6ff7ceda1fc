package io.clusterless.local.endpoint;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A SigV4 key pair made for one run of the endpoint and handed only to the workloads it is for; it lives in memory
 * and in those processes' environments, never in a file or a log ({@link #toString()} shows the key id only).
 */
public record EndpointCredentials(String accessKeyId, String secretAccessKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 68 random bits in the key id (unique per grant), 240 in the secret; AWS-like lengths of 20 and 60 characters. */
    public static EndpointCredentials fresh() {
        return new EndpointCredentials("CLS" + hex(10).toUpperCase().substring(0, 17), hex(30));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    @Override
    public String toString() {
        return "EndpointCredentials[" + accessKeyId + ", secret redacted]";
    }
}
