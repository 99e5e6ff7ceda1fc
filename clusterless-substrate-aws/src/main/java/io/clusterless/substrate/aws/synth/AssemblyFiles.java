package io.clusterless.substrate.aws.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copying assemblies in and out of the cache ({@link AssemblyCache}) with a handful of java.base classes (no streams,
 * no lambdas): cls's repeat path copies an entry out before anything else is loaded, exactly as the cache's own
 * restore does.
 */
public final class AssemblyFiles {
    /** What an entry holds besides the assembly; never copied out. */
    public static final String RESULT = "result.json";

    private AssemblyFiles() {
    }

    /**
     * Every file and folder below {@code from} into {@code to} (created if missing), but {@code skip} (a path
     * relative to {@code from}, or null). Symbolic links to folders become empty folders, as Files.walk gives them.
     */
    public static void copy(Path from, Path to, String skip) throws IOException {
        Files.createDirectories(to);
        copyBelow(from, from, to, skip);
    }

    private static void copyBelow(Path root, Path dir, Path to, String skip) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path source : entries) {
                String relative = root.relativize(source).toString();
                if (skip != null && relative.equals(skip)) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                        copyBelow(root, source, to, skip);
                    }
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Empties {@code dir}, keeping the folder itself (after a failed restore). */
    public static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            deleteBelow(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteBelow(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path path : entries) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    deleteBelow(path);
                }
                Files.deleteIfExists(path);
            }
        }
    }
}
