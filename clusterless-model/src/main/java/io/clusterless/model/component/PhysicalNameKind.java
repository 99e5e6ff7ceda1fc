package io.clusterless.model.component;

import java.util.regex.Pattern;

/** A kind of AWS physical name: what AWS calls it, which characters and how many it allows. */
public enum PhysicalNameKind {
    STACK("CloudFormation stack name", "[A-Za-z][-A-Za-z0-9]*", 128),
    RULE("EventBridge rule name", "[.\\-_A-Za-z0-9]+", 64),
    QUEUE("SQS queue name", "[-_A-Za-z0-9]+", 80),
    STATE_MACHINE("Step Functions state machine name", "[-_A-Za-z0-9]+", 80),
    BATCH("Batch job queue and definition name", "[-_A-Za-z0-9]+", 128),
    COMPUTE("Batch compute environment name", "[-_A-Za-z0-9]+", 128),
    LOG_GROUP("log group name", "[-._/#A-Za-z0-9]+", 512);

    private final String what;
    private final Pattern pattern;
    private final int max;

    PhysicalNameKind(String what, String pattern, int max) {
        this.what = what;
        this.pattern = Pattern.compile(pattern);
        this.max = max;
    }

    public String what() {
        return what;
    }

    public Pattern pattern() {
        return pattern;
    }

    public int max() {
        return max;
    }
}
