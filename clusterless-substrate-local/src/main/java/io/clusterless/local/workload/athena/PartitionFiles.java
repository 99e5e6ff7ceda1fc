package io.clusterless.local.workload.athena;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The files of a table's folders as Athena sees them: regular files anywhere below the folder, none whose path below
 * it has a name starting with {@code _} or {@code .} (Hive and Athena skip those), sorted.
 * <p>
 * A folder's listing is reused while no folder in its tree has changed: every lot's view names the files of every
 * partition the catalog lists, and listing them all again for each lot made a lot's cost grow with the partitions
 * registered before it (bench/sql-arc.sh). Adding, removing or renaming an entry sets its folder's modification time,
 * so an unchanged time for every folder of the tree means the same names. A time only proves that when it lies well
 * before the listing began: file systems stamp times in coarse ticks (up to seconds), and a change made just after
 * a listing, in the tick of a change made just before it, would carry the same time. So a listing is reused only when
 * each of its folders was last modified more than {@link #SETTLED} before the listing started; otherwise the folder is
 * listed again next time. A listing that met a symbolic link is never reused (what it points to may change without
 * touching the folder).
 */
final class PartitionFiles {
    /** How long before a listing every folder in it must have last changed for the listing to be reused. */
    static final Duration SETTLED = Duration.ofSeconds(3);

    private final Map<Path, Listing> listings = new ConcurrentHashMap<>();
    private final Supplier<Instant> now;
    private final boolean reuse;

    private PartitionFiles(Supplier<Instant> now, boolean reuse) {
        this.now = now;
        this.reuse = reuse;
    }

    /** Listings reused while their folders are unchanged, judged by the system clock file times are stamped with. */
    static PartitionFiles reusing() {
        return new PartitionFiles(Instant::now, true);
    }

    /** Every call lists the folder. */
    static PartitionFiles listing() {
        return new PartitionFiles(Instant::now, false);
    }

    /** For tests: the clock that says when a listing starts. */
    static PartitionFiles reusing(Supplier<Instant> now) {
        return new PartitionFiles(now, true);
    }

    /** The folder's files; none when it does not exist. */
    List<Path> files(Path folder) {
        Listing kept = reuse ? listings.get(folder) : null;
        if (kept != null && kept.unchanged()) {
            return kept.files();
        }
        Listing listed = list(folder);
        if (reuse) {
            if (listed.reusable()) {
                listings.put(folder, listed);
            } else {
                listings.remove(folder);
            }
        }
        return listed.files();
    }

    private Listing list(Path folder) {
        Instant started = now.get();
        if (!Files.isDirectory(folder)) {
            return new Listing(List.of(), Map.of(), false);
        }
        List<Path> files = new ArrayList<>();
        Map<Path, FileTime> folders = new LinkedHashMap<>();
        boolean[] linked = {false};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(folder) && hidden(dir.getFileName())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.put(dir, attributes.lastModifiedTime());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (hidden(file.getFileName())) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attributes.isSymbolicLink()) {
                        linked[0] = true;
                        if (Files.isRegularFile(file)) {
                            files.add(file); // a link to a file counts as that file, as a walk that follows it sees
                        }
                    } else if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed while listed: not a file of the folder
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        files.sort(null);
        Instant settled = started.minus(SETTLED);
        boolean reusable = !linked[0] && folders.values().stream().allMatch(time -> time.toInstant().isBefore(settled));
        return new Listing(List.copyOf(files), Map.copyOf(folders), reusable);
    }

    private static boolean hidden(Path name) {
        String text = name == null ? "" : name.toString();
        return text.startsWith("_") || text.startsWith(".");
    }

    /** One listing: the files, and each folder of the tree with the modification time it had when listed. */
    private record Listing(List<Path> files, Map<Path, FileTime> folders, boolean reusable) {
        boolean unchanged() {
            for (Map.Entry<Path, FileTime> folder : folders.entrySet()) {
                try {
                    if (!Files.getLastModifiedTime(folder.getKey(), LinkOption.NOFOLLOW_LINKS)
                            .equals(folder.getValue())) {
                        return false;
                    }
                } catch (IOException e) {
                    return false; // gone
                }
            }
            return true;
        }
    }
}
