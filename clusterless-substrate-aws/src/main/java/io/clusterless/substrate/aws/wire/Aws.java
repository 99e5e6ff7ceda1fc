package io.clusterless.substrate.aws.wire;

/**
 * The pseudo parameters of CDK's {@code software.amazon.awscdk.Aws} that clusterless uses, as the same tokens: that
 * class fetches all eight of its constants from node when first touched, these three only.
 */
public final class Aws {
    public static final String ACCOUNT_ID = pseudo("ACCOUNT_ID");
    public static final String PARTITION = pseudo("PARTITION");
    public static final String REGION = pseudo("REGION");

    private Aws() {
    }

    private static String pseudo(String name) {
        return WireValues.constant("aws-cdk-lib.Aws", name).asText();
    }
}
