package io.clusterless.cli.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where configuration files live (reference §2.6): global {@code ~/.cls/config} and {@code ~/.cls/config-aws};
 * local {@code .clsconfig} and {@code .clsconfig-aws}, the nearest one found walking up from the working directory
 * and stopping before the home directory (so the global files are never read twice).
 */
public record ConfigFiles(Path workingDirectory, Path home) {
    public Path global(String namespace) {
        return home.resolve(".cls").resolve(Settings.COMMON.equals(namespace) ? "config" : "config-" + namespace);
    }

    /** Where {@code config init} writes a local file: the working directory. */
    public Path localTarget(String namespace) {
        return workingDirectory.resolve(localName(namespace));
    }

    public Optional<Path> local(String namespace) {
        Path home = this.home.toAbsolutePath().normalize();
        for (Path dir = workingDirectory.toAbsolutePath().normalize(); dir != null && !dir.equals(home);
             dir = dir.getParent()) {
            Path candidate = dir.resolve(localName(namespace));
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String localName(String namespace) {
        return Settings.COMMON.equals(namespace) ? ".clsconfig" : ".clsconfig-" + namespace;
    }
}
