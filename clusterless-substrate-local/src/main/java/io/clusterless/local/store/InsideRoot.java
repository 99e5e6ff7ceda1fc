package io.clusterless.local.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one way the local substrate reads a file under its buckets folder: whatever symbolic links lie on the way,
 * the file read is one whose real path is inside that folder. A link is resolved first; then the resolved path is
 * opened from the buckets folder one name at a time, refusing any link on the way (O_NOFOLLOW at every step), so a
 * link swapped in after the check is refused too, not followed.
 */
public final class InsideRoot {
    private final Path root;
    private final Path real;

    /** @param root the buckets folder; it is created if missing */
    public InsideRoot(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
            this.real = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the local root " + root, e);
        }
    }

    /** Thrown for a path that leads out of the root through a symbolic link. */
    public static final class OutsideRootException extends IOException {
        OutsideRootException(String message) {
            super(message);
        }
    }

    /** An open file with the attributes read through the same handle's folder. */
    public record Opened(SeekableByteChannel channel, BasicFileAttributes attributes) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** Whether {@code path} (under the root) is, or links to, a regular file inside the root. */
    public boolean isFileInside(Path path) {
        try {
            Path target = path.toRealPath();
            return target.startsWith(real) && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false; // gone, dangling or a loop
        }
    }

    /** Whether the real path of {@code path} (under the root, existing) lies inside the root. */
    public boolean isInside(Path path) {
        try {
            return path.toRealPath().startsWith(real);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens {@code path} (under the root) for reading.
     *
     * @throws NoSuchFileException   when it does not exist (or is a dangling link)
     * @throws OutsideRootException  when it is a link, or lies behind one, whose target is outside the root
     */
    public Opened open(Path path) throws IOException {
        Path target;
        try {
            target = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new NoSuchFileException(path.toString(), null, e.getMessage());
        }
        if (!target.startsWith(real) || target.equals(real)) {
            throw new OutsideRootException(root.relativize(path) + " is a symbolic link to " + target
                    + ", outside the local root " + root + "; the local substrate reads nothing outside it");
        }
        List<Path> names = new ArrayList<>();
        real.relativize(target).forEach(names::add);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(real)) {
            if (!(top instanceof SecureDirectoryStream<Path> secure)) {
                // no descriptor-relative opening on this platform: the resolved path, refusing a link at its end
                return new Opened(Files.newByteChannel(target, Set.of(StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS)), Files.readAttributes(target, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS));
            }
            return open(secure, names, 0);
        }
    }

    private static Opened open(SecureDirectoryStream<Path> dir, List<Path> names, int index) throws IOException {
        Path name = names.get(index);
        if (index == names.size() - 1) {
            BasicFileAttributes attributes = dir.getFileAttributeView(name, BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
            if (!attributes.isRegularFile()) {
                throw new NoSuchFileException(name.toString(), null, "not a regular file");
            }
            return new Opened(dir.newByteChannel(name, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)),
                    attributes);
        }
        try (SecureDirectoryStream<Path> next = dir.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
            return open(next, names, index + 1);
        }
    }

    /**
     * Creates the folders of {@code dir} (under the root) and checks that it lies inside the root: a write never
     * lands outside it through a linked folder.
     */
    public void createFolders(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.toRealPath();
        if (!target.startsWith(real)) {
            throw new OutsideRootException(root.relativize(dir) + " leads through a symbolic link to " + target
                    + ", outside the local root " + root + "; the local substrate writes nothing outside it");
        }
    }
}
