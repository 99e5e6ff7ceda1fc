package io.clusterless.cli.repeat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Repeat records by invocation name, in {@code <cache>/repeats/}: each written whole (a temporary file renamed into
 * place), readable by the user only; the {@value #KEEP} most recently used are kept.
 */
final class RepeatStore {
    static final int KEEP = 64;
    /** Records are a few kilobytes; a bigger file is not one. */
    static final int MAX_BYTES = 4 << 20;

    private final Path dir;

    RepeatStore(Path cacheRoot) {
        this.dir = cacheRoot.resolve("repeats");
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Optional<RepeatRecord> find(String name) {
        Path file = file(name);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            return RepeatRecord.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Marks {@code name} as just used, so pruning keeps it. */
    void touch(String name) {
        try {
            Files.setLastModifiedTime(file(name), FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            // pruned meanwhile: the next normal run writes it again
        }
    }

    /** Writes the record of {@code name}; a cache that cannot be written is skipped. */
    void write(String name, RepeatRecord record) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "writing-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, record.format(), StandardCharsets.UTF_8);
            Files.move(temp, file(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            prune();
        } catch (IOException | RuntimeException e) {
            // only saves time: a full disk or read-only home must not fail the synth
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // a leftover temporary file is pruned with the rest
                }
            }
        }
    }

    /** Drops the least recently used records beyond {@link #KEEP}, and temporary files an hour old. */
    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.toList();
        }
        Instant stale = Instant.now().minusSeconds(3600);
        List<Path> records = all.stream().filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                .sorted(Comparator.comparing(RepeatStore::modified).reversed()).toList();
        for (Path old : records.subList(Math.min(KEEP, records.size()), records.size())) {
            Files.deleteIfExists(old);
        }
        for (Path path : all) {
            if (!path.getFileName().toString().matches("[0-9a-f]{64}")
                    && modified(path).toInstant().isBefore(stale)) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (NoSuchFileException e) {
            return FileTime.fromMillis(0);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
