package io.clusterless.model;

/** CPU architecture of a Lambda function or container. */
public enum Architecture {
    ARM_64, X86_64
}
