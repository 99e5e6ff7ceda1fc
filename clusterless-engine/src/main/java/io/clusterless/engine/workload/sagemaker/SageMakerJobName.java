package io.clusterless.engine.workload.sagemaker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The name of one arc's SageMaker job for one lot and one run of it (the start gate's attempt token): the same
 * inputs always give the same name, so a retried or redriven step asks SageMaker for the job it started already
 * (which SageMaker refuses as a duplicate, and the state machine then waits for), and a new run of the lot (a replay,
 * a retry after a failure) gets a new job. Names are lower case (SageMaker's ARNs are) and at most 63 characters:
 * {@code <arc, shortened>-<8 hex of project, version, arc>-<30 hex of those, lot and attempt>}; the first two parts
 * are the arc's {@link #arcPrefix}, which the state machine's IAM policy is scoped to.
 */
public final class SageMakerJobName {
    /** SageMaker's limit for processing and training job names. */
    public static final int MAX_LENGTH = 63;
    private static final int ARC_PART = 22;

    private SageMakerJobName() {
    }

    /** Every job name of the arc starts with this and a '-'. */
    public static String arcPrefix(String project, String version, String arc) {
        String readable = arc.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (readable.length() > ARC_PART) {
            readable = readable.substring(0, ARC_PART).replaceAll("-+$", "");
        }
        return (readable.isEmpty() ? "arc" : readable) + "-" + hex(8, project, version, arc);
    }

    public static String of(String project, String version, String arc, String lot, String attempt) {
        if (attempt == null || attempt.isBlank()) {
            throw new IllegalArgumentException("a job name needs the run's attempt token; the state machine passes "
                    + "$.arcAttempt");
        }
        String prefix = arcPrefix(project, version, arc);
        return prefix + "-" + hex(MAX_LENGTH - prefix.length() - 1, project, version, arc, lot, attempt);
    }

    private static String hex(int length, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
