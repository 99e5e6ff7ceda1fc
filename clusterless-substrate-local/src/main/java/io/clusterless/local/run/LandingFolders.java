package io.clusterless.local.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.local.bus.LocalEventBus;
import io.clusterless.local.store.InsideRoot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The boundaries' landing folders, looked at for files: each file not seen before (by key and modification time)
 * becomes an S3 "Object Created" event on the bus, dated by its modification time, as S3 would send it once the
 * object was written. What was handled is kept in the {@link ArrivalLog}.
 */
final class LandingFolders implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LandingFolders.class.getName());
    /** A file younger than this may still be being written; it is noticed on a later look. */
    static final Duration SETTLE = Duration.ofMillis(500);
    /** s3proxy 4.1's filesystem store: an upload is written to {@code <key>-<UUID.randomUUID()>}, then renamed. */
    private static final java.util.regex.Pattern UPLOAD_TEMP = java.util.regex.Pattern.compile(
            ".+-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private final Path buckets;
    private final InsideRoot inside;
    private final LocalEventBus bus;
    private final ArrivalLog log;
    private final Set<Folder> folders = new LinkedHashSet<>();
    /** Links out of the root already warned about: warned once, not at every look. */
    private final Set<Path> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record Folder(String bucket, String prefix) {
    }

    /**
     * @param runClock the run's clock, which may be fixed or far from real time; settling is not judged by it, as the
     *                 file system dates a file being written by the wall clock
     */
    LandingFolders(Path buckets, Path logFile, LocalEventBus bus, Clock runClock) {
        this.buckets = buckets;
        this.inside = new InsideRoot(buckets);
        this.bus = bus;
        this.log = new ArrivalLog(logFile);
    }

    void watch(String bucket, String prefix) {
        folders.add(new Folder(bucket, prefix));
    }

    /** The result of one look: new arrivals handled, and whether some file was too fresh to take yet. */
    record Look(int arrivals, boolean unsettled) {
    }

    /** A file not handled yet, settled, that may become an arrival. */
    private record Candidate(String bucket, String key, Path file, Instant modified, String arrival) {
    }

    Look look() {
        int arrivals = 0;
        boolean unsettled = false;
        // the clock the file system dates writes by: a stopped run clock would hold a file dated at it forever
        Instant now = Instant.now();
        List<Candidate> candidates = new ArrayList<>();
        for (Folder folder : folders) {
            for (Path file : files(folder)) {
                Instant modified;
                try {
                    modified = Files.getLastModifiedTime(file).toInstant();
                } catch (IOException e) {
                    continue; // gone since the listing
                }
                // a file dated further ahead than the settling time was dated on purpose (or by a skewed clock):
                // waiting for it to settle would never end, so it is taken as it is
                if (modified.isAfter(now.minus(SETTLE)) && !modified.isAfter(now.plus(SETTLE))) {
                    unsettled = true;
                    continue;
                }
                String key = keyOf(folder.bucket(), file);
                String arrival = arrival(folder.bucket(), key, modified);
                if (!log.seen(arrival)) {
                    candidates.add(new Candidate(folder.bucket(), key, file, modified, arrival));
                }
            }
        }
        // a file some process still writes (a paused cp, an upload the endpoint is receiving) is not there yet
        Set<Path> writing = OpenForWriting.among(candidates.stream().map(c -> real(c.file())).collect(
                java.util.stream.Collectors.toSet()));
        for (Candidate candidate : candidates) {
            if (writing.contains(real(candidate.file()))) {
                unsettled = true;
                continue;
            }
            bus.put("aws.s3", "Object Created", objectCreated(candidate.bucket(), candidate.key(), candidate.file()),
                    candidate.modified());
            log.record(candidate.arrival());
            arrivals++;
        }
        return new Look(arrivals, unsettled);
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath();
        }
    }

    /** Whether a look now would find a file not handled yet. */
    boolean hasNew() {
        for (Folder folder : folders) {
            for (Path file : files(folder)) {
                try {
                    Instant modified = Files.getLastModifiedTime(file).toInstant();
                    if (!log.seen(arrival(folder.bucket(), keyOf(folder.bucket(), file), modified))) {
                        return true;
                    }
                } catch (IOException e) {
                    // gone
                }
            }
        }
        return false;
    }

    private static String arrival(String bucket, String key, Instant modified) {
        return "s3://" + bucket + "/" + key + "\t" + modified.toEpochMilli();
    }

    private List<Path> files(Folder folder) {
        Path bucketDir = buckets.resolve(folder.bucket());
        int slash = folder.prefix().lastIndexOf('/');
        Path dir = slash < 0 ? bucketDir : bucketDir.resolve(folder.prefix().substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        if (!inside.isInside(dir)) {
            if (warned.add(dir)) {
                LOG.log(System.Logger.Level.WARNING, "skipped landing folder {0}: a symbolic link leads out of the "
                        + "local root {1}", dir, buckets);
            }
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(this::takes)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> !uploadInProgress(path))
                    .filter(this::hasKey)
                    .filter(path -> keyOf(folder.bucket(), path).startsWith(folder.prefix()))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list {0}: {1}", dir, e.getMessage());
            return List.of();
        }
    }

    /**
     * Whether the file is a temporary file of the local S3 endpoint: s3proxy's filesystem store writes an upload to
     * {@code <key>-<random UUID>} beside the key and renames it when complete. One left by a killed run is never
     * completed; it is skipped with a warning naming it (a file of yours named like that: rename it).
     */
    private boolean uploadInProgress(Path path) {
        if (!UPLOAD_TEMP.matcher(path.getFileName().toString()).matches()) {
            return false;
        }
        if (warned.add(path)) {
            LOG.log(System.Logger.Level.WARNING, "skipped {0}: named like an upload the local S3 endpoint has not "
                    + "completed (<key>-<UUID>); rename it if it is yours", path);
        }
        return true;
    }

    /**
     * A regular file, or a link to one inside the local root; a link out of it is skipped with a warning naming it
     * (an object is never read from outside the root).
     */
    private boolean takes(Path path) {
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        if (!Files.isSymbolicLink(path)) {
            return false;
        }
        if (inside.isFileInside(path)) {
            return true;
        }
        if (warned.add(path)) {
            LOG.log(System.Logger.Level.WARNING, "skipped {0}: a symbolic link that does not lead to a file inside "
                    + "the local root {1}", path, buckets);
        }
        return false;
    }

    /**
     * The key {@code aws s3 cp} gives the file: its path under the bucket, with {@code /} between names. A
     * backslash is a separator only where the platform says so; on Unix it is part of the name, as in S3.
     */
    private String keyOf(String bucket, Path file) {
        String relative = buckets.resolve(bucket).relativize(file).toString();
        return File.separatorChar == '/' ? relative : relative.replace(File.separatorChar, '/');
    }

    /**
     * Whether the file's name is one an S3 key can hold: the name as Java decoded it must lead back to the same
     * file. A name that is not valid in the file-name encoding (not UTF-8; or any non-ASCII name when the JVM runs
     * under a non-UTF-8 locale, see bin/cls) does not; it is skipped with a warning naming it, so that it never
     * fails a lot's other files.
     */
    private boolean hasKey(Path file) {
        String name = file.getFileName().toString();
        if (name.chars().allMatch(c -> c < 0x80)) {
            return true; // ASCII decodes the same in every encoding
        }
        boolean same;
        try {
            Path again = file.getParent().resolve(name);
            same = name.indexOf('\uFFFD') < 0 && Files.exists(again, LinkOption.NOFOLLOW_LINKS)
                    && Files.isSameFile(again, file);
        } catch (java.nio.file.InvalidPathException | IOException e) {
            same = false;
        }
        if (!same && warned.add(file)) {
            LOG.log(System.Logger.Level.WARNING, "skipped {0}: its name is not valid {1}, so no S3 key can name it; "
                    + "rename it (run under a UTF-8 locale for non-ASCII names)", file,
                    System.getProperty("sun.jnu.encoding"));
        }
        return same;
    }

    private static JsonNode objectCreated(String bucket, String key, Path file) {
        ObjectNode detail = Json.records().createObjectNode();
        detail.put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        ObjectNode object = detail.putObject("object");
        object.put("key", key);
        try {
            object.put("size", Files.size(file));
        } catch (IOException e) {
            object.put("size", 0);
        }
        detail.put("reason", "PutObject");
        return detail;
    }

    @Override
    public void close() {
        log.close();
    }
}
