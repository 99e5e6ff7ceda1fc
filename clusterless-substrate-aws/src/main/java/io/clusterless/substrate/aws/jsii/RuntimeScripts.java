package io.clusterless.substrate.aws.jsii;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * jsii's runtime scripts (bin/jsii-runtime.js, lib/program.js and what else jsii's jar holds under
 * software/amazon/jsii/bin and /lib, ~2 MB) copied once into {@code <cache>/jsii-runtime/<key>/}, where jsii would
 * write them into a fresh temporary folder on every start. The key names the jsii-runtime jar (path, size,
 * modification time, inode), so another jar never runs another's scripts. A copy is written whole into a temporary
 * folder and renamed into place (a folder there is complete); folders rwx------, files rw-------; a folder not the
 * user's own is never used. The name is not a temporary runtime folder's (jsii-java-runtime&lt;digits&gt;), so
 * jsii-host.js, which removes those at exit, never removes it.
 */
final class RuntimeScripts {
    static final int KEEP = 16;
    private static final String PREFIX = "software/amazon/jsii/";
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;

    RuntimeScripts(Path cacheRoot) {
        this.dir = cacheRoot.resolve("jsii-runtime");
    }

    Path dir() {
        return dir;
    }

    /**
     * bin/jsii-runtime.js of the copy of {@code jar}'s scripts, copied now if needed; empty when it cannot be (not a
     * jar, a cache not writable or not the user's).
     */
    Optional<Path> script(Path jar) {
        try {
            Optional<String> key = key(jar);
            if (key.isEmpty() || !ownFolder()) {
                return Optional.empty();
            }
            Path copy = dir.resolve(key.get());
            if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                // marks it as just used, so pruning keeps it
                Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
            } else {
                write(jar, copy);
                prune();
            }
            Path script = copy.resolve("bin/jsii-runtime.js");
            return Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS) ? Optional.of(script) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The jar jsii's Java runtime is loaded from, if it is a jar. */
    static Optional<Path> jsiiJar(Class<?> type) {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (URISyntaxException | NullPointerException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<String> key(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        String identity = String.join("\n", "cls jsii runtime 1", jar.toAbsolutePath().normalize().toString(),
                Long.toString(attributes.size()), Long.toString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)),
                String.valueOf(attributes.fileKey()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

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

    private void write(Path jar, Path copy) throws IOException {
        Path temp = Files.createTempDirectory(dir, "writing-", PosixFilePermissions.asFileAttribute(FOLDER));
        try {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    boolean script = name.startsWith(PREFIX + "bin/") || name.startsWith(PREFIX + "lib/");
                    if (!script || entry.isDirectory() || name.contains("..")) {
                        continue;
                    }
                    Path target = temp.resolve(name.substring(PREFIX.length()));
                    if (!Files.isDirectory(target.getParent())) {
                        Files.createDirectories(target.getParent(), PosixFilePermissions.asFileAttribute(FOLDER));
                    }
                    try (InputStream in = file.getInputStream(entry);
                         FileChannel channel = FileChannel.open(target, Set.of(StandardOpenOption.CREATE_NEW,
                                 StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(FILE));
                         OutputStream out = Channels.newOutputStream(channel)) {
                        in.transferTo(out);
                        // on disk before the folder has its name: a crash never leaves a short script under it
                        channel.force(true);
                    }
                }
            }
            try {
                Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            } catch (IOException e) {
                // rename(2) refuses a folder onto one with files: another cls renamed its copy into place first
                if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
            }
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /** Keeps the {@value #KEEP} most recently used copies (other jsii jars), and removes temporary folders an hour old. */
    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.toList();
        }
        List<Path> copies = all.stream().filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                .sorted(Comparator.comparing(RuntimeScripts::modified).reversed()).toList();
        for (Path old : copies.subList(Math.min(KEEP, copies.size()), copies.size())) {
            delete(old);
        }
        Instant stale = Instant.now().minusSeconds(3600);
        for (Path path : all) {
            if (path.getFileName().toString().startsWith("writing-") && modified(path).isBefore(stale)) {
                delete(path);
            }
        }
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            // removed meanwhile, or in use by a node that will not notice: pruned again later
        }
    }
}
