package io.clusterless.cli.options;

import io.clusterless.cli.context.CliContext;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.local.ops.LocalOperations;
import io.clusterless.substrate.aws.ops.AwsOperations;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where a report or operation reads and writes a placement: on AWS (the default, reached through
 * {@link AwsConnectionOptions}) or in a local placement ({@code -P local [--local-root DIR]}). Both give the same
 * {@link SubstrateOperations} over stores with the same buckets and keys (reference §4), so the commands above it
 * are the same code.
 */
public final class SubstrateOptions {
    /** The substrates a placement can live on. */
    public enum Substrate { aws, local }

    @Option(names = {"-P", "--provider", "--providers"}, paramLabel = "SUBSTRATE", defaultValue = "aws",
            description = "Where the placement lives: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Substrate substrate;

    @Option(names = "--local-root", paramLabel = "DIR", defaultValue = ".cls-local",
            description = "With -P local: the local placement's root (default: ${DEFAULT-VALUE}).")
    Path localRoot;

    @Mixin
    AwsConnectionOptions aws = new AwsConnectionOptions();

    public AwsConnectionOptions aws() {
        return aws;
    }

    /** The local root, relative paths taken from the command's working directory. */
    private Path localRoot(CliContext context) {
        return context.workingDirectory().resolve(localRoot).normalize();
    }

    /**
     * The operations of the chosen substrate: every report and operation goes through them, and nothing else says
     * which substrate was chosen, so a command cannot act differently per substrate but through them.
     */
    public SubstrateOperations operations(CliContext context) {
        if (substrate == Substrate.local) {
            return new LocalOperations(localRoot(context));
        }
        return new AwsOperations(aws.connection(), context.environment());
    }
}
