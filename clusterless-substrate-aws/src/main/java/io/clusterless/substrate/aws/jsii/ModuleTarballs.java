package io.clusterless.substrate.aws.jsii;

import software.amazon.jsii.JsiiModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * jsii module tarballs (aws-cdk-lib's is 35 MB) copied out of their jars once, into {@code <cache>/jsii-modules/},
 * instead of into a fresh temporary folder on every run as jsii does. Each file is named for the jar it came from
 * (path, size, modification time, inode) and the module (name, version, resource), so a changed or different jar
 * never reuses another's copy; it is written whole to a temporary file, flushed to disk and renamed into place, so a
 * reader (another cls starting at the same time) sees a complete tarball or none. The folder is the user's own
 * (rwx------, files rw-------); one owned by anyone else is never read. The {@value #KEEP} most recently used are
 * kept.
 */
final class ModuleTarballs {
    static final int KEEP = 24;
    private static final String SUFFIX = ".tgz";

    private final CacheFolder folder;

    ModuleTarballs(Path cacheRoot) {
        this.folder = new CacheFolder(cacheRoot.resolve("jsii-modules"));
    }

    Path dir() {
        return folder.dir();
    }

    /**
     * The tarball of {@code module} in the cache, copied there now if it is not yet; empty when it cannot be (neither
     * the module's jar nor its tarball is a file, the cache is not writable or not the user's): then jsii copies it
     * itself.
     */
    Optional<Path> tarball(JsiiModule module) {
        try {
            Optional<String> key = key(module);
            if (key.isEmpty() || !folder.own()) {
                return Optional.empty();
            }
            Path file = folder.dir().resolve(key.get() + SUFFIX);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                CacheFolder.touch(file);
                return Optional.of(file);
            }
            write(module, file);
            folder.prune(path -> path.getFileName().toString().endsWith(SUFFIX), KEEP,
                    path -> !path.getFileName().toString().endsWith(SUFFIX), ModuleTarballs::discard);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes {@code tarball} (the kernel refused it), so the next run copies it afresh. */
    static void discard(Path tarball) {
        try {
            Files.deleteIfExists(tarball);
        } catch (IOException | RuntimeException e) {
            // pruned meanwhile, or not ours to remove
        }
    }

    /**
     * The name of {@code module}'s copy: named for its jar, or for the tarball itself where the module's classes are
     * a folder's (cls's own module in a build's target/classes); empty when neither is a file.
     */
    static Optional<String> key(JsiiModule module) throws IOException {
        Optional<Path> source = CacheFolder.jarOf(module.getModuleClass()).or(() -> resourceFile(module));
        return source.isEmpty() ? Optional.empty()
                : key(source.get(), module.getModuleName(), module.getModuleVersion(), module.getBundleResourceName());
    }

    private static Optional<Path> resourceFile(JsiiModule module) {
        try {
            URL url = module.getModuleClass().getResource(module.getBundleResourceName());
            return url == null || !url.getProtocol().equals("file") ? Optional.empty()
                    : Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The name of the copy of {@code resource} (module {@code name}@{@code version}) from {@code jar} as it is now. */
    static Optional<String> key(Path jar, String name, String version, String resource) throws IOException {
        return CacheFolder.key("cls jsii module 1", jar, name, version, resource);
    }

    private static void write(JsiiModule module, Path file) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "writing-", ".tmp",
                PosixFilePermissions.asFileAttribute(CacheFolder.FILE));
        try {
            try (InputStream in = module.getModuleClass().getResourceAsStream(module.getBundleResourceName())) {
                if (in == null) {
                    throw new NoSuchFileException(module.getBundleResourceName());
                }
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                     OutputStream out = Channels.newOutputStream(channel)) {
                    in.transferTo(out);
                    // on disk before it has its name: a crash never leaves a short tarball under it
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
