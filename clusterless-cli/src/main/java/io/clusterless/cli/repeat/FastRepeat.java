package io.clusterless.cli.repeat;

import io.clusterless.substrate.aws.synth.AssemblyFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The repeat path: when this exact invocation has a record whose every fact still holds and whose cache entry is
 * whole, the assembly is copied to the output folder as the assembly cache's restore does, and the recorded output
 * printed. Anything else (no record, a changed file, a missing or partial entry, an output folder synth would
 * refuse, any error) falls through to the normal path, silently. Loads nothing beyond java.base and
 * {@link AssemblyFiles}.
 */
public final class FastRepeat {
    /** Never served from a record; the normal path synthesizes afresh. */
    static final String NO_CACHE = "--no-cache";
    private static final String SYNTH = "synth";

    private FastRepeat() {
    }

    /**
     * Whether a command line can have a record: only synth writes them, so one without the word is never looked up
     * (cls --version and the rest pay nothing for the repeat path); one with an {@code @file} never (picocli reads
     * more arguments from the file, an input the record would not know).
     */
    public static boolean applies(String[] args) {
        boolean synth = false;
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return false;
            }
            synth |= arg.equals(SYNTH);
        }
        return synth;
    }

    /** Serves {@code invocation} from its record; false when the normal path must run (nothing was printed then). */
    public static boolean serve(Invocation invocation, PrintStream out, PrintStream err) {
        long begun = System.nanoTime();
        long jvm = sinceLaunch(invocation);
        if (invocation.args().contains(NO_CACHE)) {
            return false;
        }
        String name = invocation.name();
        RepeatStore store = new RepeatStore(invocation.cacheRoot());
        Optional<RepeatRecord> found = store.find(name);
        if (found.isEmpty()) {
            return false;
        }
        RepeatRecord record = found.get();
        for (Observed fact : record.facts()) {
            if (!fact.holds()) {
                return false;
            }
        }
        Path entry = invocation.cacheRoot().resolve("assemblies").resolve(record.key());
        if (!whole(entry, record.entryFiles()) || !emptyForAssembly(record.outdir())) {
            return false;
        }
        long checked = System.nanoTime();
        try {
            Files.createDirectories(record.outdir());
            AssemblyFiles.copy(entry, record.outdir(), AssemblyFiles.RESULT);
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            try {
                AssemblyFiles.clear(record.outdir()); // as the cache's restore: the normal path starts clean
            } catch (RuntimeException ignored) {
                // the normal path reports what is wrong with the folder
            }
            return false;
        }
        store.touch(name);
        out.write(record.out(), 0, record.out().length);
        out.flush();
        err.write(record.err(), 0, record.err().length);
        if (record.timings()) {
            long done = System.nanoTime();
            long repeat = (checked - begun) / 1_000_000;
            long cached = (done - checked) / 1_000_000;
            err.print(new StringBuilder("timings: jvm-start=").append(jvm).append("ms repeat=").append(repeat)
                    .append("ms cached=").append(cached).append("ms total=").append(jvm + repeat + cached).append("ms")
                    .append(System.lineSeparator()));
        }
        err.flush();
        return true;
    }

    /** The entry holds exactly the recorded files (but result.json, which must be there too) with their sizes. */
    static boolean whole(Path entry, List<RepeatRecord.EntryFile> expected) {
        if (!Files.isRegularFile(entry.resolve(AssemblyFiles.RESULT))) {
            return false;
        }
        List<RepeatRecord.EntryFile> actual = entryFiles(entry);
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) { // by field: a record's equals would load invoke machinery
            if (!actual.get(i).path().equals(expected.get(i).path()) || actual.get(i).size() != expected.get(i).size()) {
                return false;
            }
        }
        return true;
    }

    /** The entry's files, relative, sorted, but result.json; empty when it cannot be read. */
    static List<RepeatRecord.EntryFile> entryFiles(Path entry) {
        List<String> names = new ArrayList<>();
        try {
            collect(entry, entry, names);
            Collections.sort(names);
            List<RepeatRecord.EntryFile> files = new ArrayList<>();
            for (String name : names) {
                if (!name.equals(AssemblyFiles.RESULT)) {
                    files.add(new RepeatRecord.EntryFile(name, Files.size(entry.resolve(name))));
                }
            }
            return files;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static void collect(Path root, Path dir, List<String> names) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path path : entries) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    collect(root, path, names);
                } else if (Files.isRegularFile(path)) {
                    names.add(root.relativize(path).toString());
                }
            }
        }
    }

    /**
     * What {@code cls synth} accepts as its output folder ({@code SynthCommand.prepare}): none, an empty one, or one
     * holding an earlier assembly (manifest.json), which is emptied here; anything else is left to the normal path,
     * which refuses it.
     */
    static boolean emptyForAssembly(Path outdir) {
        if (!Files.exists(outdir)) {
            return true;
        }
        if (!Files.isDirectory(outdir)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outdir)) {
            if (!entries.iterator().hasNext()) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        if (!Files.exists(outdir.resolve("manifest.json"))) {
            return false;
        }
        try {
            AssemblyFiles.clear(outdir);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** As the synth's own jvm-start phase: from bin/cls's {@code CLS_LAUNCH_MILLIS}, else from the process start. */
    private static long sinceLaunch(Invocation invocation) {
        String launch = invocation.environment().get("CLS_LAUNCH_MILLIS");
        if (launch != null) {
            try {
                return System.currentTimeMillis() - Long.parseLong(launch);
            } catch (NumberFormatException e) {
                // not bin/cls's: the process start instead
            }
        }
        Optional<Instant> start = ProcessHandle.current().info().startInstant();
        return start.isPresent() ? System.currentTimeMillis() - start.get().toEpochMilli() : -1;
    }

}
