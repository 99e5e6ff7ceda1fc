package io.clusterless.local.workload.function;

import io.clusterless.model.core.arc.function.FunctionRuntime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The per-language launchers (resources beside this class) written out once per run into the root, and the program
 * that runs each, found on the PATH as Lambda's runtime would be.
 */
public final class FunctionLaunchers {
    private final Path dir;

    /** @param dir where the launchers are written; created when first needed */
    public FunctionLaunchers(Path dir) {
        this.dir = dir;
    }

    /** The command that runs {@code handler} of {@code code}: program, launcher and its arguments but the files. */
    public List<String> command(FunctionRuntime runtime, Path code, String handler, String path) throws IOException {
        FunctionRuntime.Language language = runtime.language();
        String program = onPath(language.program(), path).map(Path::toString).orElseThrow(() -> new MissingRuntime(
                "runtime " + runtime.id() + " needs " + language.program() + " on the PATH to run locally; "
                        + "install " + language.displayName() + " or put it on the PATH"));
        return switch (language) {
            case PYTHON -> List.of(program, "-B", launcher("launch.py").toString(), code.toString(), handler);
            case NODE -> List.of(program, launcher("launch.mjs").toString(), code.toString(), handler);
            case JAVA -> JavaLauncher.command(program, code, handler);
        };
    }

    /** Writes the launcher once; a copy that is already there and whole is kept. */
    private synchronized Path launcher(String name) throws IOException {
        Path target = dir.resolve(name);
        byte[] bytes;
        try (InputStream in = FunctionLaunchers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("launcher " + name + " is missing from the cls build");
            }
            bytes = in.readAllBytes();
        }
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** The first executable {@code program} in {@code path} (a PATH value). */
    public static Optional<Path> onPath(String program, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(entry, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The runtime's program is not on the PATH: one line naming it. */
    public static final class MissingRuntime extends IllegalStateException {
        MissingRuntime(String message) {
            super(message);
        }
    }
}
