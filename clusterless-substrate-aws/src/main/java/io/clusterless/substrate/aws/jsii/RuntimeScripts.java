package io.clusterless.substrate.aws.jsii;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
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

    private final CacheFolder folder;

    RuntimeScripts(Path cacheRoot) {
        this.folder = new CacheFolder(cacheRoot.resolve("jsii-runtime"));
    }

    Path dir() {
        return folder.dir();
    }

    /**
     * bin/jsii-runtime.js of the copy of {@code jar}'s scripts, copied now if needed; empty when it cannot be (not a
     * jar, a cache not writable or not the user's).
     */
    Optional<Path> script(Path jar) {
        try {
            Optional<String> key = key(jar);
            if (key.isEmpty() || !folder.own()) {
                return Optional.empty();
            }
            Path copy = folder.dir().resolve(key.get());
            if (Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
                CacheFolder.touch(copy);
            } else {
                write(jar, copy);
                folder.prune(path -> path.getFileName().toString().matches("[0-9a-f]{64}"), KEEP,
                        path -> path.getFileName().toString().startsWith("writing-"), RuntimeScripts::delete);
            }
            Path script = copy.resolve("bin/jsii-runtime.js");
            return Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS) ? Optional.of(script) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<String> key(Path jar) throws IOException {
        return CacheFolder.key("cls jsii runtime 1", jar);
    }

    private void write(Path jar, Path copy) throws IOException {
        Path temp = Files.createTempDirectory(folder.dir(), "writing-", PosixFilePermissions.asFileAttribute(CacheFolder.FOLDER));
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
                        Files.createDirectories(target.getParent(), PosixFilePermissions.asFileAttribute(CacheFolder.FOLDER));
                    }
                    try (InputStream in = file.getInputStream(entry);
                         FileChannel channel = FileChannel.open(target, Set.of(StandardOpenOption.CREATE_NEW,
                                 StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(CacheFolder.FILE));
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
