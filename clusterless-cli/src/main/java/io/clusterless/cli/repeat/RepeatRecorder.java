package io.clusterless.cli.repeat;

import io.clusterless.model.load.ImportWatcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The normal path's side of the repeat path: captures what this invocation prints and, when a synth produced or
 * served an assembly, everything it read, then writes the record ({@link #write}). It records nothing unless told
 * all of it: a command that does not report its reads gets no record.
 */
public final class RepeatRecorder {
    /** Output beyond this is not kept: such a run gets no record. */
    static final int MAX_OUTPUT = 1 << 20;

    private final Invocation invocation;
    private final Capture out = new Capture();
    private final Capture err = new Capture();
    private final Map<Path, Boolean> looked = new LinkedHashMap<>();
    private boolean lookedChanged;
    private final Map<Path, Boolean> atStart;
    private String key;
    private Path outdir;
    private Reads reads;
    private byte[] printedOut;
    private byte[] printedErr;
    private boolean timings;

    /**
     * What a synth read, besides the Jsonnet imports the loader reported ({@link #imports()}).
     *
     * @param files   project files and configuration files (their bytes, or that they are not there)
     * @param folders folders whose real path decided what an import may read (each project file's, --jpath)
     * @param stats   jars and folders whose identity must stay (the Lambda jar, the folders it is looked for in)
     */
    public record Reads(List<Path> files, List<Path> folders, List<Path> stats) {
    }

    /**
     * @param invocation the run being recorded
     * @param config     the configuration files this run may read, as they are at its start (checked again when the
     *                   record is written, so one that changed meanwhile gives no record)
     */
    public RepeatRecorder(Invocation invocation, List<Path> config) {
        this.invocation = invocation;
        this.atStart = states(config);
    }

    /** {@code target}, with what goes through it kept for the record. */
    public OutputStream tee(OutputStream target, boolean standardOutput) {
        Capture capture = standardOutput ? out : err;
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                target.write(b);
                capture.keep(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                target.write(b, off, len);
                capture.keep(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                target.flush();
            }
        };
    }

    /** Told of every file a Jsonnet import looks for. */
    public ImportWatcher imports() {
        return (candidate, regularFile) -> {
            synchronized (looked) {
                Boolean before = looked.putIfAbsent(candidate.toAbsolutePath().normalize(), regularFile);
                lookedChanged |= before != null && before != regularFile;
            }
        };
    }

    /** The synth wrote the assembly of cache entry {@code key} to {@code outdir}. */
    public void assembly(String key, Path outdir) {
        this.key = key;
        this.outdir = invocation.resolve(outdir);
    }

    /** Everything the synth read; then every line the command prints has been printed, but the timings line. */
    public void complete(Reads reads, boolean timings) {
        this.reads = reads;
        this.timings = timings;
        this.printedOut = out.bytes();
        this.printedErr = err.bytes();
    }

    /** Writes the record when the run succeeded, told everything, and nothing it read changed meanwhile. */
    public void write(int exitCode) {
        if (exitCode != 0 || key == null || reads == null || printedOut == null || printedErr == null) {
            return;
        }
        try {
            record().ifPresent(record -> new RepeatStore(invocation.cacheRoot()).write(invocation.name(), record));
        } catch (IOException | RuntimeException e) {
            // no record: the next run takes the normal path, as without one
        }
    }

    Optional<RepeatRecord> record() throws IOException {
        Invocation withCode = invocation.code().isEmpty() ? invocation.withProcessCode() : invocation;
        if (withCode.code().isEmpty() || !states(List.copyOf(atStart.keySet())).equals(atStart)) {
            return Optional.empty();
        }
        long started = invocation.started();
        List<Observed> facts = new ArrayList<>();
        List<Path> files = new ArrayList<>(reads.files());
        files.addAll(atStart.keySet());
        for (Path file : files) {
            Optional<Observed> fact = Observed.content(invocation.resolve(file), started);
            if (fact.isEmpty()) {
                return Optional.empty();
            }
            facts.add(fact.get());
        }
        Map<Path, Boolean> candidates;
        synchronized (looked) {
            if (lookedChanged) {
                return Optional.empty(); // an import candidate came or went during the load
            }
            candidates = new LinkedHashMap<>(looked);
        }
        for (Map.Entry<Path, Boolean> candidate : candidates.entrySet()) {
            Optional<Observed> fact = Observed.content(candidate.getKey(), started);
            if (fact.isEmpty() || (fact.get().kind() == Observed.Kind.FILE) != candidate.getValue()) {
                return Optional.empty(); // it appeared or went while the synth ran
            }
            facts.add(fact.get());
            if (candidate.getValue()) {
                facts.add(Observed.real(candidate.getKey()));
            }
        }
        for (Path folder : reads.folders()) {
            facts.add(Observed.real(invocation.resolve(folder)));
        }
        List<Path> stats = new ArrayList<>(reads.stats());
        stats.addAll(withCode.code());
        for (Path path : stats) {
            Optional<Observed> fact = Observed.stat(invocation.resolve(path), started);
            if (fact.isEmpty()) {
                return Optional.empty();
            }
            facts.add(fact.get());
        }
        Path entry = invocation.cacheRoot().resolve("assemblies").resolve(key);
        List<RepeatRecord.EntryFile> entryFiles = FastRepeat.entryFiles(entry);
        if (!FastRepeat.whole(entry, entryFiles) || entryFiles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RepeatRecord(key, outdir, facts, entryFiles, printedOut, printedErr, timings));
    }

    /** Whether each path is a regular file. */
    private Map<Path, Boolean> states(List<Path> paths) {
        Map<Path, Boolean> states = new LinkedHashMap<>();
        for (Path path : paths) {
            states.put(invocation.resolve(path), java.nio.file.Files.isRegularFile(invocation.resolve(path)));
        }
        return states;
    }

    /** Bytes written so far, up to {@link #MAX_OUTPUT}; null once more was written. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean overflowed;

        synchronized void keep(byte[] b, int off, int len) {
            if (overflowed || bytes.size() + len > MAX_OUTPUT) {
                overflowed = true;
                return;
            }
            bytes.write(b, off, len);
        }

        synchronized byte[] bytes() {
            return overflowed ? null : bytes.toByteArray();
        }
    }
}
