package io.clusterless.cli.repeat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/**
 * One fact about the file system that a synth's result depended on, checked again before a repeat is served.
 *
 * @param kind  what is asserted of {@code path}
 * @param path  an absolute path
 * @param value the SHA-256 of a {@link Kind#FILE}, the identity of a {@link Kind#STAT}, the real path of a
 *              {@link Kind#REAL}; empty for {@link Kind#ABSENT}
 */
record Observed(Kind kind, Path path, String value) {
    enum Kind {
        /** A regular file with these bytes. */
        FILE,
        /** Not a regular file (a config file or Jsonnet import candidate that was not there). */
        ABSENT,
        /** A jar or folder that is as it was: size, modification time, inode; or still missing. */
        STAT,
        /** A folder or file whose real path (every symlink followed) is this. */
        REAL
    }

    /** Files changed less than this before a run started may have changed while it read them. */
    static final long RACY_MILLIS = 1000;

    /** Whether the fact still holds; any doubt is no. */
    boolean holds() {
        try {
            return switch (kind) {
                case FILE -> Files.isRegularFile(path) && value.equals(Digests.file(path));
                case ABSENT -> !Files.isRegularFile(path);
                case STAT -> value.equals(identity(path));
                case REAL -> value.equals(path.toRealPath().toString());
            };
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The fact about {@code path} now (its bytes, or that it is no regular file), if it can be trusted to be what a
     * run that started at {@code started} read: a file changed since a second before is not (it may have changed
     * while the run read it; the next run records it).
     */
    static Optional<Observed> content(Path path, long started) throws IOException {
        if (!Files.isRegularFile(path)) {
            return Optional.of(new Observed(Kind.ABSENT, path, ""));
        }
        String digest = Digests.file(path);
        return settled(path, started) ? Optional.of(new Observed(Kind.FILE, path, digest)) : Optional.empty();
    }

    /** {@code path}'s identity now, if settled before {@code started} (see {@link #content}). */
    static Optional<Observed> stat(Path path, long started) throws IOException {
        String identity = identity(path);
        return identity.equals(MISSING) || settled(path, started)
                ? Optional.of(new Observed(Kind.STAT, path, identity)) : Optional.empty();
    }

    static Observed real(Path path) throws IOException {
        return new Observed(Kind.REAL, path, path.toRealPath().toString());
    }

    private static final String MISSING = "missing";

    /**
     * Size, modification time (ns), file key (device and inode) and type, as SynthKey and the Lambda jar's digest
     * memo identify code; "missing" when there is nothing there. (Not the change time: reading it costs the unix
     * attribute view, twice the time, for each of the ~200 jars.)
     */
    static String identity(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return MISSING;
        }
        BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
        return new StringBuilder().append(attributes.size()).append(' ')
                .append(nanos(attributes.lastModifiedTime())).append(' ').append(attributes.fileKey()).append(' ')
                .append(attributes.isDirectory() ? 'd' : attributes.isRegularFile() ? 'f' : 'o').toString();
    }

    private static boolean settled(Path path, long started) throws IOException {
        FileTime changed = (FileTime) Files.getAttribute(path, "unix:ctime");
        return changed.toMillis() < started - RACY_MILLIS;
    }

    private static long nanos(FileTime time) {
        return time.to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
