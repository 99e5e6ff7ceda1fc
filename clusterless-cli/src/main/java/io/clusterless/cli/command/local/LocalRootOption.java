package io.clusterless.cli.command.local;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The local root every local command works in. */
public final class LocalRootOption {
    @Option(names = "--local-root", paramLabel = "DIR", defaultValue = ".cls-local",
            description = "Local root: objects are files under DIR/buckets/<bucket>/<key> (default: ${DEFAULT-VALUE}).")
    private Path root;

    public Path path() {
        return root.toAbsolutePath().normalize();
    }
}
