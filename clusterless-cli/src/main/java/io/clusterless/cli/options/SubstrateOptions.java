package io.clusterless.cli.options;

import io.clusterless.cli.context.CliContext;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.runtime.aws.S3ObjectStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where a report or operation reads and writes a placement: on AWS (the default, reached through
 * {@link AwsConnectionOptions}) or in a local placement ({@code -P local [--local-root DIR]}). Both give an
 * {@link ObjectStore} with the same buckets and keys (reference §4), so the commands above it are the same code.
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

    public Substrate substrate() {
        return substrate;
    }

    public boolean isLocal() {
        return substrate == Substrate.local;
    }

    public AwsConnectionOptions aws() {
        return aws;
    }

    /** The local root, relative paths taken from the command's working directory. */
    public Path localRoot(CliContext context) {
        return context.workingDirectory().resolve(localRoot).normalize();
    }

    /**
     * The placement's object store.
     *
     * @param defaultRegion the region when neither {@code --region} nor the environment gives one (e.g. the
     *                      placement's); null for the SDK default
     */
    public ObjectStore store(CliContext context, String defaultRegion) {
        if (isLocal()) {
            return new FileObjectStore(localRoot(context));
        }
        return new S3ObjectStore(aws.clients(context.environment(), defaultRegion).s3());
    }
}
