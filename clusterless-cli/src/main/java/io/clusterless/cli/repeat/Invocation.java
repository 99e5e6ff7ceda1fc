package io.clusterless.cli.repeat;

import io.clusterless.engine.cache.UserCache;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One run of cls as a process sees it: the exact command line, working directory, environment and Java system
 * properties, whether it is at a terminal, where its code comes from, and when it started. Two runs with the same
 * {@link #name()} are the same invocation; the repeat record of one is looked up by it.
 *
 * @param code    the jars the classes load from (the cls jar and every jar its Class-Path names); empty when cls
 *                runs from class folders, which then get no record
 * @param started when the run started (ms since the epoch): files changed later than a second before it are not
 *                trusted to be what the run read
 */
public record Invocation(List<String> args, Path workingDirectory, Map<String, String> environment,
                         Map<String, String> properties, boolean terminal, List<Path> code, long started) {
    /**
     * Variables that cannot change what a synth writes or prints, so they do not make another invocation: the
     * shell's last argument, its nesting depth and previous directory, and bin/cls's launch time (only the timings
     * line reads it, and the repeat path prints its own).
     */
    static final Set<String> IGNORED_VARIABLES = Set.of("_", "SHLVL", "OLDPWD", "CLS_LAUNCH_MILLIS");

    public Invocation {
        args = List.copyOf(args);
        environment = Map.copyOf(environment);
        properties = Map.copyOf(properties);
        code = List.copyOf(code);
    }

    /** This process: its arguments, {@code user.dir}, environment, properties and class path. */
    public static Invocation ofProcess(String[] args, long started) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            properties.put(name, System.getProperty(name));
        }
        return new Invocation(List.of(args), Path.of(System.getProperty("user.dir")), System.getenv(), properties,
                System.console() != null, List.of(), started);
    }

    /** This invocation with its code found from {@code java.class.path} (read only when a record is written). */
    public Invocation withProcessCode() {
        return new Invocation(args, workingDirectory, environment, properties, terminal,
                classPath(properties.getOrDefault("java.class.path", "")), started);
    }

    /** The digest naming this invocation: arguments, directory, environment (but {@link #IGNORED_VARIABLES}), properties. */
    public String name() {
        // loops, not lambdas or string concatenation: each of those loads invoke machinery on the repeat path
        Digests digest = new Digests().add("cls repeat 1").add("args").add(Integer.toString(args.size()));
        for (String arg : args) {
            digest.add(arg);
        }
        digest.add("cwd").add(workingDirectory.toAbsolutePath().normalize().toString());
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            if (!IGNORED_VARIABLES.contains(variable.getKey())) {
                digest.add("env").add(variable.getKey()).add(variable.getValue());
            }
        }
        for (Map.Entry<String, String> property : new TreeMap<>(properties).entrySet()) {
            digest.add("property").add(property.getKey()).add(property.getValue());
        }
        return digest.add("terminal").add(Boolean.toString(terminal)).hex();
    }

    /** The per-user cache of this invocation's environment and home ({@link UserCache}). */
    public Path cacheRoot() {
        return UserCache.root(environment, Path.of(properties.getOrDefault("user.home", "")));
    }

    /** A relative path as this invocation resolves it. */
    Path resolve(Path path) {
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }

    /** The jars of {@code classPath} and of their manifests' Class-Path; empty if any entry is not a jar file. */
    static List<Path> classPath(String classPath) {
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                return List.of();
            }
            jars.add(jar);
            Optional<List<Path>> listed = manifestClassPath(jar);
            if (listed.isEmpty()) {
                return List.of();
            }
            jars.addAll(listed.get());
        }
        return jars;
    }

    private static Optional<List<Path>> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            List<Path> jars = new ArrayList<>();
            if (listed != null) {
                URI base = jar.getParent().toUri();
                for (String item : listed.trim().split("\\s+")) {
                    Path path = Path.of(base.resolve(item)).normalize();
                    if (!Files.isRegularFile(path)) {
                        return Optional.empty();
                    }
                    jars.add(path);
                }
            }
            return Optional.of(jars);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
