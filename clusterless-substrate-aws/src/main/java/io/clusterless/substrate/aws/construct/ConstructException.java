package io.clusterless.substrate.aws.construct;

/**
 * A component that cannot become constructs, for a reason the user can fix; the message is one line. The
 * synthesizer reports it as its own {@code SynthException}, so the constructs need not know who builds them.
 */
public final class ConstructException extends RuntimeException {
    public ConstructException(String message) {
        super(message);
    }
}
