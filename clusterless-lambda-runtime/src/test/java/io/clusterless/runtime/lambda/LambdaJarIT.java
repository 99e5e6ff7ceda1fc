package io.clusterless.runtime.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.engine.status.FreshnessPlan;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded Lambda jar: every entry point is in it, and none of the control plane (issue 13). */
class LambdaJarIT {
    private static final Set<String> CONTROL_PLANE = Set.of("io/clusterless/engine/plan/", "io/clusterless/engine/exec/",
            "io/clusterless/engine/metadata/", "io/clusterless/engine/listener/", "io/clusterless/engine/status/Gap",
            "io/clusterless/engine/status/ArcLots", "io/clusterless/engine/status/PlacementFreshness", "io/clusterless/engine/status/FreshnessPlan",
            "io/clusterless/engine/status/LatestLots",
            "META-INF/services/io.clusterless.engine.plan.");

    private static Path jar() {
        Path jar = Path.of(System.getProperty("cls.lambda.jar"));
        assertThat(jar).exists();
        return jar;
    }

    @Test
    void carriesNoControlPlaneClass() throws Exception {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            zip.stream().map(ZipEntry::getName)
                    .filter(name -> CONTROL_PLANE.stream().anyMatch(name::startsWith))
                    .forEach(found::add);
        }
        assertThat(found).isEmpty();
    }

    /** jdeps names every class a class in the jar refers to that the jar lacks: none of ours may be missing. */
    @Test
    void everyClassOfOursInTheJarFindsWhatItRefersTo() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        int code = jdeps.run(writer, writer, "-verbose:class", "-filter:none", "--multi-release", "17",
                jar().toString());
        writer.flush();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(report).isZero();
        List<String> missing = report.lines()
                .filter(line -> line.trim().startsWith("io.clusterless."))
                .filter(line -> line.matches(".*->\\s+io\\.clusterless\\.\\S+\\s+not found.*"))
                .toList();
        assertThat(missing).isEmpty();
    }

    /** The jar's merged service file lists every declaration of the build, so its ServiceLoader finds them all. */
    @Test
    void everyEntryPointDeclarationIsFoundInTheJar() throws Exception {
        List<String> declared = LambdaEntryPointRegistry.defaultRegistry().all().stream()
                .map(declaration -> declaration.getClass().getName()).sorted().toList();
        assertThat(declared).isNotEmpty();
        try (URLClassLoader loader = jarOnly()) {
            Class<?> service = Class.forName(LambdaEntryPoints.class.getName(), false, loader);
            List<String> inJar = ServiceLoader.load(service, loader).stream().map(p -> p.type().getName()).sorted()
                    .toList();
            assertThat(inJar).isEqualTo(declared);
        }
    }

    @Test
    void everyEntryPointLoadsFromTheJarAlone() throws Exception {
        try (URLClassLoader loader = jarOnly()) {
            Class<?> contract = Class.forName(RequestStreamHandler.class.getName(), false, loader);
            int handlers = 0;
            for (LambdaEntryPoints declaration : LambdaEntryPointRegistry.defaultRegistry().all()) {
                for (LambdaFunction function : declaration.functions()) {
                    if (function.userCode()) {
                        continue;
                    }
                    String name = function.handler().getName();
                    Class<?> handler = Class.forName(name, true, loader);
                    assertThat(contract.isAssignableFrom(handler)).as(name).isTrue();
                    assertThat(handler.getConstructor()).as(name).isNotNull(); // Lambda needs a no-argument constructor
                    handlers++;
                }
            }
            // the project-level freshness watch is no component type's function: named by its plan
            Class<?> freshness = Class.forName(FreshnessPlan.HANDLER, true, loader);
            assertThat(contract.isAssignableFrom(freshness)).isTrue();
            assertThat(handlers).isGreaterThanOrEqualTo(9);
        }
    }

    private static URLClassLoader jarOnly() throws Exception {
        return new URLClassLoader(new URL[]{jar().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
