package io.clusterless.cli.context;

import io.clusterless.engine.ops.OperationException;

/**
 * A failure caused by what the user asked for; printed as one line without a stack trace, as the substrates'
 * {@link OperationException}s are.
 */
public class UserException extends OperationException {
    public UserException(String message) {
        super(message);
    }
}
