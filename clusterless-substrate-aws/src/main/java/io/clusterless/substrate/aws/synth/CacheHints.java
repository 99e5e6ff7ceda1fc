package io.clusterless.substrate.aws.synth;

import io.clusterless.model.load.ProjectSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A guess, before the files are loaded, whether the assembly cache will serve them: a hint (a digest of the project
 * files' paths and bytes and the cls version) is recorded whenever their assembly is synthesized or served. It only
 * decides when jsii's node starts: without a hint at once, so its start overlaps loading the files (the first synth
 * after an edit loses no time); with one only if the cache misses after all (no node started for nothing). Which
 * assembly is used is decided by the {@link SynthKey} alone.
 */
public final class CacheHints {
    static final int KEEP = 64;

    private final Path dir;

    /** @param cacheRoot the per-user cache ({@code CdkLocator.defaultCacheRoot}) */
    public CacheHints(Path cacheRoot) {
        this.dir = cacheRoot.resolve("hints");
    }

    /**
     * The hint of {@code sources} as given: files read now, text as it is; empty when one cannot be read or is not
     * read yet (stdin): then no hint is looked up or recorded.
     */
    public static Optional<String> of(List<ProjectSource> sources, String clsVersion) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("cls " + clsVersion + "\n").getBytes(StandardCharsets.UTF_8));
            for (ProjectSource source : sources) {
                if (source.path() == null && source.text() == null) {
                    return Optional.empty();
                }
                byte[] bytes = source.path() == null ? source.text().getBytes(StandardCharsets.UTF_8)
                        : Files.readAllBytes(source.path());
                String name = source.path() == null ? source.display()
                        : source.path().toAbsolutePath().normalize().toString();
                digest.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return Optional.of(HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code hint} was recorded. */
    public boolean present(Optional<String> hint) {
        return hint.isPresent() && Files.isRegularFile(dir.resolve(hint.get()));
    }

    /** Records {@code hint} (the newest {@link #KEEP} are kept); a cache that cannot be written is skipped. */
    public void record(Optional<String> hint) {
        if (hint.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(hint.get());
            if (Files.exists(file)) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
                return;
            }
            Files.writeString(file, "");
            List<Path> all;
            try (Stream<Path> list = Files.list(dir)) {
                all = list.sorted(Comparator.comparing(AssemblyCache::modified).reversed()).toList();
            }
            for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // only a guess: a full disk or read-only home costs at most jsii's overlap
        }
    }
}
