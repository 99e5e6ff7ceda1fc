package io.clusterless.substrate.aws.cdk;

import io.clusterless.engine.cache.UserCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds an AWS CDK CLI that reads the assemblies we synthesize, so users need no separate install: the one given
 * with {@code --cdk}, else a compatible {@code cdk} on the PATH, else the pinned copy in the per-user cache, which
 * is installed with npm on first use (seconds; an atomic rename makes concurrent first uses safe).
 */
public final class CdkLocator {
    /** Where a CLI was found. */
    public enum Source { OPTION, PATH, CACHE, INSTALLED }

    /** A usable CDK CLI. */
    public record Found(Path executable, CdkVersion version, Source source) {
    }

    private static final long VERSION_TIMEOUT_SECONDS = 60;
    private static final long INSTALL_TIMEOUT_SECONDS = 600;

    private final Path cacheRoot;
    private final String searchPath;
    private final Consumer<String> progress;

    /**
     * @param cacheRoot  the per-user cache ({@link #defaultCacheRoot}); the pinned CLI goes under {@code cdk/<version>}
     * @param searchPath the PATH to look for {@code cdk} and {@code npm} on
     * @param progress   one-line messages for the user (installing, skipping an incompatible cdk)
     */
    public CdkLocator(Path cacheRoot, String searchPath, Consumer<String> progress) {
        this.cacheRoot = cacheRoot;
        this.searchPath = searchPath == null ? "" : searchPath;
        this.progress = progress;
    }

    /** {@code $CLS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/clusterless}, else {@code ~/.cache/clusterless}. */
    public static Path defaultCacheRoot(Map<String, String> environment, Path home) {
        return UserCache.root(environment, home);
    }

    public Found locate(Optional<Path> option) {
        if (option.isPresent()) {
            Path cdk = option.get();
            if (!Files.isRegularFile(cdk) || !Files.isExecutable(cdk)) {
                throw new CdkException("--cdk " + cdk + ": no executable file there; give the path of a cdk "
                        + "command, or leave --cdk out to use the pinned CDK CLI " + CdkVersion.PINNED);
            }
            CdkVersion version = version(cdk).orElseThrow(() -> new CdkException("--cdk " + cdk
                    + ": 'cdk --version' printed no version; is it the AWS CDK CLI?"));
            if (!version.isCompatible()) {
                throw new CdkException("--cdk " + cdk + " is the AWS CDK CLI " + version + "; clusterless needs "
                        + "2.x at least " + CdkVersion.PINNED + " (leave --cdk out to use its pinned copy)");
            }
            return new Found(cdk, version, Source.OPTION);
        }
        for (Path cdk : onPath("cdk")) {
            Optional<CdkVersion> version = version(cdk);
            if (version.isPresent() && version.get().isCompatible()) {
                return new Found(cdk, version.get(), Source.PATH);
            }
            progress.accept("skipping " + cdk + " (AWS CDK CLI " + version.map(CdkVersion::toString).orElse("of "
                    + "unknown version") + "; clusterless needs 2.x at least " + CdkVersion.PINNED + ")");
        }
        Path cached = executableIn(pinnedDirectory());
        if (Files.isExecutable(cached)) {
            return new Found(cached, CdkVersion.PINNED, Source.CACHE);
        }
        return new Found(install(), CdkVersion.PINNED, Source.INSTALLED);
    }

    /** {@code <cache>/cdk/<pinned version>}. */
    public Path pinnedDirectory() {
        return cacheRoot.resolve("cdk").resolve(CdkVersion.PINNED.toString());
    }

    private static Path executableIn(Path directory) {
        return directory.resolve("node_modules").resolve(".bin").resolve("cdk");
    }

    private Path install() {
        Path npm = onPath("npm").stream().findFirst().orElseThrow(() -> new CdkException("the AWS CDK CLI is "
                + "needed and npm is not on the PATH to install it: install Node.js 18 or newer (with npm), or "
                + "give a cdk " + CdkVersion.PINNED + " or newer with --cdk PATH"));
        Path target = pinnedDirectory();
        Path staging;
        try {
            Files.createDirectories(target.getParent());
            staging = Files.createTempDirectory(target.getParent(), "installing-");
        } catch (IOException e) {
            throw new CdkException("cannot create the CDK CLI cache in " + target.getParent() + ": " + e.getMessage()
                    + " (set CLS_CACHE_DIR to a writable directory)");
        }
        progress.accept("installing the AWS CDK CLI " + CdkVersion.PINNED + " into " + target
                + " (first use; later runs reuse it)");
        List<String> command = List.of(npm.toString(), "install", "--prefix", staging.toString(), "--no-audit",
                "--no-fund", "--no-save", "--loglevel=error", "--no-update-notifier",
                "aws-cdk@" + CdkVersion.PINNED);
        ProcessOutput result = run(command, INSTALL_TIMEOUT_SECONDS);
        if (result.exitCode() != 0 || !Files.isExecutable(executableIn(staging))) {
            deleteQuietly(staging);
            throw new CdkException("installing the AWS CDK CLI with npm failed (exit " + result.exitCode() + "): "
                    + result.lastLine() + "; check npm's registry access, or give a cdk with --cdk PATH");
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
            deleteQuietly(staging); // another cls installed it first: theirs is as good
        } catch (AtomicMoveNotSupportedException e) {
            throw new CdkException("cannot move the installed CDK CLI into " + target + ": " + e.getMessage());
        } catch (IOException e) {
            deleteQuietly(staging);
            if (!Files.isExecutable(executableIn(target))) {
                throw new CdkException("cannot move the installed CDK CLI into " + target + ": " + e.getMessage());
            }
        }
        return executableIn(target);
    }

    private List<Path> onPath(String name) {
        List<Path> found = new ArrayList<>();
        for (String entry : searchPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path candidate = Path.of(entry, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private Optional<CdkVersion> version(Path cdk) {
        ProcessOutput output = run(List.of(cdk.toString(), "--version"), VERSION_TIMEOUT_SECONDS);
        return output.exitCode() == 0 ? CdkVersion.parse(output.text()) : Optional.empty();
    }

    /** What a short helper process printed (stdout and stderr together) and how it ended. */
    private record ProcessOutput(int exitCode, String text) {
        String lastLine() {
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
        }
    }

    /**
     * Runs a short helper process with its output going to a temporary file, so the timeout holds even when the
     * process stops answering without closing its output (reading a pipe to its end would wait for ever).
     */
    private static ProcessOutput run(List<String> command, long timeoutSeconds) {
        Path output = null;
        try {
            output = Files.createTempFile("cls-cdk-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ProcessOutput(-1, String.join(" ", command) + " did not finish in " + timeoutSeconds
                        + " s");
            }
            return new ProcessOutput(process.exitValue(), new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ProcessOutput(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdkException("interrupted while running " + command.get(0));
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging directory is harmless; the next install uses a new one
        }
    }
}
