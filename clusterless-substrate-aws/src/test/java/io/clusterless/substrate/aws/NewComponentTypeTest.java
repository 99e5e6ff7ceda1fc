package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.json.Json;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.arc.probe.ProbeArc;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.component.AwsComponent;
import io.clusterless.substrate.aws.component.AwsComponents;
import io.clusterless.runtime.workload.probe.ProbeEntryPoints;
import io.clusterless.substrate.aws.component.arc.probe.ProbeArcAws;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a new arc type, as docs/adding-a-component.md tells it: the test type {@value ProbeArc#TYPE}
 * (model folder model.core.arc.probe, AWS folder component.arc.probe, Lambda entry points in
 * runtime.workload.probe, declared in src/test/probe-type's META-INF/services) is registered, validated with its own
 * rule and synthesized.
 */
class NewComponentTypeTest {
    private static final Path DECLARATIONS = Path.of("src/test/probe-type");

    @Test
    void theTypeIsRegisteredByItsServiceDeclarationsInEachModule() throws IOException {
        try (URLClassLoader loader = declarations()) {
            ComponentRegistry registry = registry(loader);
            AwsComponents aws = awsComponents(loader);
            LambdaEntryPointRegistry entryPoints = entryPoints(loader);

            assertThat(registry.find(ProbeArc.TYPE)).isPresent();
            assertThat(aws.find(ProbeArc.TYPE, ArcWorkloadConstruct.class)).get().isInstanceOf(ProbeArcAws.class);
            assertThat(entryPoints.find(ProbeArc.TYPE)).get().isInstanceOf(ProbeEntryPoints.class);
            assertThat(entryPoints.problems(registry)).isEmpty();
            assertThat(registry.all()).hasSize(ComponentRegistry.defaultRegistry().all().size() + 1);
        }
    }

    @Test
    void theTypeIsValidatedWithItsOwnRule(@TempDir Path temp) throws IOException {
        try (URLClassLoader loader = declarations()) {
            ComponentRegistry registry = registry(loader);

            assertThat(problems(registry, probeProject(temp, false))).isEmpty();
            assertThat(problems(registry, probeProject(temp, true)))
                    .containsExactly("arcs[0].sinks: a probeArc writes one sink, not 2; declare one");
        }
    }

    @Test
    void theTypeIsSynthesizedWithItsOwnConstruct(@TempDir Path temp) throws Exception {
        Path outdir = temp.resolve("cdk.out");
        Path log = temp.resolve("synth.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", DECLARATIONS.toAbsolutePath() + java.io.File.pathSeparator
                + System.getProperty("java.class.path"),
                "-Dcls.lambda.jar=" + Projects.lambdaJar(),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                ProbeSynthMain.class.getName(), outdir.toString(), probeProject(temp, false).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a bound so a hung child fails the build instead of holding it
        boolean done = process.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done && process.exitValue() == 0).as("child synth; its output:%n%s", Files.readString(log))
                .isTrue();

        JsonNode template;
        try (Stream<Path> files = Files.list(outdir)) {
            Path arcStack = files.filter(f -> f.getFileName().toString().contains("-arc-copy-")
                    && f.toString().endsWith(".template.json")).findFirst().orElseThrow();
            template = Json.records().readTree(arcStack.toFile());
        }
        assertThat(template.path("Resources").toString()).contains("clusterless probe of arc copy");
    }

    /** The simple-copy example with its arc of the test type, with one sink or two. */
    private static Path probeProject(Path temp, boolean twoSinks) throws IOException {
        String json = Files.readString(Projects.EXAMPLES.resolve("simple-copy/project.json"))
                .replace("\"type\": \"aws:core:s3CopyArc\"", "\"type\": \"" + ProbeArc.TYPE + "\"");
        if (twoSinks) {
            json = json.replace("\"sinks\": {", """
                    "sinks": {
                            "extra": {"name": "simple-extra", "version": "20230101",
                              "pathURI": "s3://dev-cls-simple-copy-123456789012-us-west-2/extra/"},""");
        }
        Path file = temp.resolve(twoSinks ? "two-sinks" : "one-sink").resolve("project.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return file;
    }

    private static List<String> problems(ComponentRegistry registry, Path file) {
        LoadedProject loaded = new ProjectLoader(registry, Map.of(), InputStream.nullInputStream())
                .loadAll(List.of(ProjectSource.file(file)));
        return new ProjectValidator(registry).validate(loaded, ValidationOptions.offline()).stream()
                .map(problem -> problem.path() + ": " + problem.message()).toList();
    }

    /** The test type's declarations on top of the test class path, as a jar of the type would add them. */
    private static URLClassLoader declarations() throws IOException {
        return new URLClassLoader(new URL[]{DECLARATIONS.toUri().toURL()},
                NewComponentTypeTest.class.getClassLoader());
    }

    private static ComponentRegistry registry(ClassLoader loader) {
        return ComponentRegistry.ofPlugins(ServiceLoader.load(ComponentPlugin.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    private static LambdaEntryPointRegistry entryPoints(ClassLoader loader) {
        return new LambdaEntryPointRegistry(ServiceLoader.load(LambdaEntryPoints.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    private static AwsComponents awsComponents(ClassLoader loader) {
        return new AwsComponents(ServiceLoader.load(AwsComponent.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }
}
