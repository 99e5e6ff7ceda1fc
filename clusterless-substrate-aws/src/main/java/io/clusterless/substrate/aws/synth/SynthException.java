package io.clusterless.substrate.aws.synth;

/** A project that cannot become stacks, for a reason the user can fix; the message is one line. */
public final class SynthException extends RuntimeException {
    public SynthException(String message) {
        super(message);
    }
}
