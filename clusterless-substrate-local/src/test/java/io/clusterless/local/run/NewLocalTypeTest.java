package io.clusterless.local.run;

import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.probe.ProbeLocal;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.arc.probe.ProbeArc;
import io.clusterless.model.load.ProjectLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local side of a new arc type, as docs/adding-a-component.md tells it: the test type {@value ProbeArc#TYPE}
 * (model folder model.core.arc.probe, local folder local.workload.probe, declared in src/test/probe-type's
 * META-INF/services, on the class path of this test only) is accounted for and runs with {@code cls local}.
 */
class NewLocalTypeTest {
    private static final Path DECLARATIONS = Path.of("src/test/probe-type");
    private static final String BUCKET = "dev-cls-simple-copy-123456789012-us-west-2";

    @TempDir
    Path temp;

    @Test
    void theTypeIsAccountedForByItsLocalArcTypeDeclaration() throws IOException {
        try (URLClassLoader loader = declarations()) {
            ComponentRegistry registry = registry(loader);

            assertThat(localTypes(loader).problems(registry)).isEmpty();
            assertThat(localTypes(loader).arc(ProbeArc.TYPE)).get().isInstanceOf(ProbeLocal.class);
            assertThat(LocalTypes.defaultTypes().problems(registry)).containsExactly(ProbeArc.TYPE
                    + ": no LocalArcType declared (a local executor, or why it is not supported locally)");
        }
    }

    @Test
    void anArcOfTheTypeRunsLocally() throws Exception {
        try (URLClassLoader loader = declarations()) {
            ComponentRegistry registry = registry(loader);
            LocalPlacement placement = LocalPlacement.loadedWith(
                    new ProjectLoader(registry, Map.of(), InputStream.nullInputStream()),
                    temp.resolve("root"), probeProject().toString());
            LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 1);
            placement.land(BUCKET, "ingress/a.csv", "a", LocalPlacement.within(lot));

            try (LocalRunner runner = new LocalRunner(placement.plan, new RunOptions(placement.root,
                    placement.projectDir, true, 1, null), placement.clock, System.getenv("PATH"),
                    localTypes(loader))) {
                assertThat(runner.notices()).isEmpty();
                runner.run(progress -> { });
                assertThat(runner.progress().arcRuns()).isEqualTo(1);
                assertThat(runner.progress().failed()).isZero();
            }
            assertThat(placement.read(BUCKET, "copy/a.csv")).isEqualTo("a");
        }
    }

    /** The simple-copy example with its arc of the test type. */
    private Path probeProject() throws IOException {
        String json = Files.readString(LocalPlacement.EXAMPLES.resolve("simple-copy/project.json"))
                .replace("\"type\": \"aws:core:s3CopyArc\"", "\"type\": \"" + ProbeArc.TYPE + "\"");
        Path file = temp.resolve("project").resolve("project.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    /** The test type's declarations on top of the test class path, as a jar of the type would add them. */
    private static URLClassLoader declarations() throws IOException {
        return new URLClassLoader(new URL[]{DECLARATIONS.toUri().toURL()}, NewLocalTypeTest.class.getClassLoader());
    }

    private static ComponentRegistry registry(ClassLoader loader) {
        return ComponentRegistry.ofPlugins(ServiceLoader.load(ComponentPlugin.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    private static LocalTypes localTypes(ClassLoader loader) {
        List<LocalArcType> arcs = ServiceLoader.load(LocalArcType.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        return new LocalTypes(arcs, LocalTypes.defaultTypes().resourceTypes());
    }
}
