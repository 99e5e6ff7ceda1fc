package io.clusterless.substrate.aws.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Cloud assemblies by {@link SynthKey}, in the user's cache ({@code <cache>/assemblies/<key>/}): an unchanged project
 * is copied from there instead of synthesized again. An entry is a copy of the assembly plus {@code result.json}
 * (stacks, cdk-nag findings, notes). Entries appear only whole: each is written into a temporary folder beside them
 * and renamed into place, so a concurrent cls either sees a complete entry or none; when two write the same key the
 * second keeps the first's. The {@value #KEEP} most recently used entries are kept.
 */
public final class AssemblyCache {
    static final int KEEP = 8;
    private static final String RESULT = AssemblyFiles.RESULT;
    private static final ObjectMapper MAPPER = Json.records();

    private final Path root;
    private final FileDigests digests;

    /** @param cacheRoot the per-user cache ({@code CdkLocator.defaultCacheRoot}) */
    public AssemblyCache(Path cacheRoot) {
        this.root = cacheRoot.resolve("assemblies");
        this.digests = new FileDigests(cacheRoot);
    }

    public FileDigests digests() {
        return digests;
    }

    /** What an entry records besides the assembly. */
    record Stored(List<SynthResult.StackReport> stacks, List<SynthResult.NagFinding> findings, List<String> notes) {
    }

    /**
     * The assembly of {@code key} (when present) copied into {@code outdir}, which must be empty or absent; empty
     * when there is none or it could not be read whole (another cls removed it meanwhile): synthesize then.
     */
    public Optional<SynthResult> restore(SynthKey key, Path outdir) {
        Path entry = root.resolve(key.hex());
        Path result = entry.resolve(RESULT);
        if (!Files.isRegularFile(result)) {
            return Optional.empty();
        }
        Timings timings = new Timings();
        try {
            Stored stored = MAPPER.readValue(result.toFile(), Stored.class);
            copy(entry, outdir, RESULT);
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            timings.mark("cached");
            return Optional.of(new SynthResult(outdir, stored.stacks(), stored.findings(), stored.notes(), timings));
        } catch (IOException | RuntimeException e) {
            clear(outdir);
            return Optional.empty();
        }
    }

    /** Keeps the assembly {@code result} wrote under {@code key}. A cache that cannot be written is skipped. */
    public void store(SynthKey key, SynthResult result) {
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempDirectory(root, "writing-");
            copy(result.outdir(), temp, null);
            MAPPER.writeValue(temp.resolve(RESULT).toFile(),
                    new Stored(result.stacks(), result.findings(), result.notes()));
            Files.move(temp, root.resolve(key.hex()), StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            prune();
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            // another cls stored the same key first: its entry is the same assembly
        } catch (IOException | RuntimeException e) {
            // the cache only saves time; a full disk or read-only home must not fail the synth
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /**
     * The assembly of {@code key} from the cache when there is one, else {@code synthesize}'s, stored for next time.
     * Without a key (an uncacheable project) it only synthesizes.
     */
    public SynthResult synthesize(Optional<SynthKey> key, Path outdir, Supplier<SynthResult> synthesize) {
        if (key.isPresent()) {
            Optional<SynthResult> cached = restore(key.get(), outdir);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        SynthResult result = synthesize.get();
        key.ifPresent(k -> store(k, result));
        return result;
    }

    /**
     * Drops the least recently used entries beyond {@link #KEEP}, and temporary folders a killed cls left (an hour
     * old: a live cls writes its own within seconds).
     */
    private void prune() throws IOException {
        List<Path> entries;
        List<Path> leftovers;
        Instant stale = Instant.now().minusSeconds(3600);
        try (Stream<Path> list = Files.list(root)) {
            List<Path> all = list.toList();
            entries = all.stream().filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))
                    .sorted(Comparator.comparing(AssemblyCache::modified).reversed()).toList();
            leftovers = all.stream().filter(p -> !p.getFileName().toString().matches("[0-9a-f]{64}"))
                    .filter(p -> modified(p).toInstant().isBefore(stale)).toList();
        }
        leftovers.forEach(AssemblyCache::delete);
        for (Path old : entries.subList(Math.min(KEEP, entries.size()), entries.size())) {
            // renamed away first, so no reader finds a half-deleted entry under its key
            Path doomed = root.resolve("removing-" + old.getFileName() + "-" + ProcessHandle.current().pid());
            try {
                Files.move(old, doomed, StandardCopyOption.ATOMIC_MOVE);
                delete(doomed);
            } catch (NoSuchFileException | AtomicMoveNotSupportedException gone) {
                // another cls pruned it
            }
        }
    }

    /** When the entry was last written; the epoch when that cannot be read, so it sorts oldest. */
    static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void copy(Path from, Path to, String skip) throws IOException {
        AssemblyFiles.copy(from, to, skip);
    }

    /** Empties {@code dir} after a failed restore, keeping the folder itself. */
    private static void clear(Path dir) {
        AssemblyFiles.clear(dir);
    }

    private static void delete(Path dir) {
        try {
            clear(dir);
            Files.deleteIfExists(dir);
        } catch (IOException | UncheckedIOException e) {
            // a leftover folder is harmless: the next prune tries again
        }
    }
}
