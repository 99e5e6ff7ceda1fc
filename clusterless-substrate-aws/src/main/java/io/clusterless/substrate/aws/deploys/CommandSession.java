package io.clusterless.substrate.aws.deploys;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where the command that deploys runs: the environment it and the CDK CLI see, the user's home (the CDK CLI's
 * cache), its streams, and whether a person is at a terminal.
 *
 * @param colour      whether output may be coloured
 * @param timings     whether to note how long each cdk call took (-v, benchmarks)
 * @param document    whether standard output carries the command's one JSON document ({@code --output json}): cdk's
 *                    own output then goes to standard error
 * @param interrupted whether a signal's handler is ending the command (then nothing cdk did is trusted); asked each
 *                    time, since the signal comes while the command runs
 */
public record CommandSession(Map<String, String> environment, Path home, PrintWriter out, PrintWriter err,
                             boolean terminal, boolean colour, boolean timings, boolean document,
                             BooleanSupplier interrupted) {
}
