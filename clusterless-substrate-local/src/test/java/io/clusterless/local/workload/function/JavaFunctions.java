package io.clusterless.local.workload.function;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Java test handlers compiled into a jar, as a user's build would make one. Instead of shading the AWS SDK into
 * it, its manifest's Class-Path names the test class path's jars, which the JVM then loads the same way.
 */
final class JavaFunctions {
    private JavaFunctions() {
    }

    static Path jar(Path dir) throws IOException {
        Path sources = dir.resolve("src/contract");
        Path classes = dir.resolve("classes");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Path source = sources.resolve("Handlers.java");
        try (InputStream in = JavaFunctions.class.getClassLoader().getResourceAsStream(
                "functions/java/contract/Handlers.java")) {
            Files.copy(in, source);
        }
        String classPath = System.getProperty("java.class.path");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-cp", classPath, "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("the Java test handlers do not compile");
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(classPath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(entry -> Path.of(entry).toUri().toString())
                .collect(Collectors.joining(" ")));
        Path jar = dir.resolve("fn.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Path file : List.of(classes.resolve("contract/Handlers.class"))) {
                zip.putNextEntry(new JarEntry("contract/Handlers.class"));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
