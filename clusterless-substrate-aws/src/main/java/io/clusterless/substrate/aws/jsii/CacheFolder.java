package io.clusterless.substrate.aws.jsii;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A folder of the user cache holding copies of what jsii's jars carry ({@link ModuleTarballs}, {@link RuntimeScripts}):
 * the user's own (rwx------; one owned by anyone else, open to others or a link is never used), each copy named for
 * the jar it came from, the least recently used beyond a limit removed.
 */
final class CacheFolder {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    /** Temporary copies older than this are a killed cls's. */
    private static final long STALE_SECONDS = 3600;

    private final Path dir;

    CacheFolder(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Creates the folder (rwx------) if needed; whether it is a folder of this user's, not a link. */
    boolean own() throws IOException {
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

    /** The jar {@code type} is loaded from, if it is a jar file. */
    static Optional<Path> jarOf(Class<?> type) {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (URISyntaxException | NullPointerException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A name for a copy of something in {@code jar} as it is now: the SHA-256 of {@code kind}, the jar's path, size,
     * modification time and inode, and {@code details}; empty when {@code jar} is not a file.
     */
    static Optional<String> key(String kind, Path jar, String... details) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        List<String> identity = new ArrayList<>(List.of(kind, jar.toAbsolutePath().normalize().toString(),
                Long.toString(attributes.size()), Long.toString(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)),
                String.valueOf(attributes.fileKey())));
        identity.addAll(List.of(details));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", identity).getBytes(StandardCharsets.UTF_8));
            return Optional.of(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Marks {@code copy} as just used, so pruning keeps it. */
    static void touch(Path copy) {
        try {
            Files.setLastModifiedTime(copy, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // pruned meanwhile: its user finds it missing and falls back to jsii's own copy
        }
    }

    /**
     * Removes, with {@code delete}, the copies ({@code isCopy}) beyond the {@code keep} most recently used, and
     * temporary ones ({@code isTemporary}) an hour old.
     */
    void prune(Predicate<Path> isCopy, int keep, Predicate<Path> isTemporary, Consumer<Path> delete)
            throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.toList();
        }
        List<Path> copies = all.stream().filter(isCopy)
                .sorted(Comparator.comparing(CacheFolder::modified).reversed()).toList();
        copies.subList(Math.min(keep, copies.size()), copies.size()).forEach(delete);
        Instant stale = Instant.now().minusSeconds(STALE_SECONDS);
        all.stream().filter(isTemporary).filter(path -> modified(path).isBefore(stale)).forEach(delete);
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
