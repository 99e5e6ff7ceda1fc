package io.clusterless.substrate.aws.jsii;

import software.amazon.jsii.JsiiModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    ModuleTarballs(Path cacheRoot) {
        this.dir = cacheRoot.resolve("jsii-modules");
    }

    Path dir() {
        return dir;
    }

    /**
     * The tarball of {@code module} in the cache, copied there now if it is not yet; empty when it cannot be (the
     * module's classes are not in a jar, the cache is not writable or not the user's): then jsii copies it itself.
     */
    Optional<Path> tarball(JsiiModule module) {
        try {
            Optional<String> key = key(module);
            if (key.isEmpty() || !ownFolder()) {
                return Optional.empty();
            }
            Path file = dir.resolve(key.get() + SUFFIX);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                touch(file);
                return Optional.of(file);
            }
            write(module, file);
            prune();
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes {@code tarball} (the kernel refused it), so the next run copies it afresh. */
    void discard(Path tarball) {
        try {
            Files.deleteIfExists(tarball);
        } catch (IOException | RuntimeException e) {
            // pruned meanwhile, or not ours to remove
        }
    }

    /** The name of {@code module}'s copy; empty when its classes do not come from a jar file. */
    static Optional<String> key(JsiiModule module) throws IOException {
        Path jar;
        try {
            jar = Path.of(module.getModuleClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return key(jar, module.getModuleName(), module.getModuleVersion(), module.getBundleResourceName());
    }

    /** The name of the copy of {@code resource} (module {@code name}@{@code version}) from {@code jar} as it is now. */
    static Optional<String> key(Path jar, String name, String version, String resource) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        String identity = String.join("\n", "cls jsii module 1", jar.toAbsolutePath().normalize().toString(),
                Long.toString(attributes.size()),
                Long.toString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)),
                String.valueOf(attributes.fileKey()), name, version, resource);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Creates the folder (rwx------) if needed; whether it is a folder of this user's, not a link. */
    private boolean ownFolder() throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            } catch (FileAlreadyExistsException e) {
                // another cls made it meanwhile: checked below like any other
            }
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        return Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).equals(me)
                && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(FOLDER);
    }

    private static void write(JsiiModule module, Path file) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "writing-", ".tmp",
                PosixFilePermissions.asFileAttribute(FILE));
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

    /** Marks {@code file} as just used, so pruning keeps it. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // pruned meanwhile: the kernel's load then fails and jsii copies the tarball itself
        }
    }

    /** Drops the least recently used tarballs beyond {@link #KEEP}, and temporary files an hour old (a killed cls). */
    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.toList();
        }
        List<Path> tarballs = all.stream().filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                .sorted(Comparator.comparing(ModuleTarballs::modified).reversed()).toList();
        for (Path old : tarballs.subList(Math.min(KEEP, tarballs.size()), tarballs.size())) {
            Files.deleteIfExists(old);
        }
        Instant stale = Instant.now().minusSeconds(3600);
        for (Path path : all) {
            if (!path.getFileName().toString().endsWith(SUFFIX) && modified(path).toInstant().isBefore(stale)) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
