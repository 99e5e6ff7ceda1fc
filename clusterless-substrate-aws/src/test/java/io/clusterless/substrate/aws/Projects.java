package io.clusterless.substrate.aws;

import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthOptions;
import io.clusterless.substrate.aws.synth.SynthResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads project files the way the CLI does and synthesizes them into a fresh directory under target/. */
public final class Projects {
    public static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    public static final Path EXAMPLES = ROOT.resolve("examples");

    private Projects() {
    }

    public static Path lambdaJar() {
        Path jar = Path.of(System.getProperty("cls.lambda.jar", "missing"));
        assertThat(jar).as("the runtime's lambda jar; build with the reactor (-am)").exists();
        return jar;
    }

    public static List<ProjectInput> load(Path... files) {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        List<ProjectSource> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(ProjectSource.file(file));
        }
        LoadedProject loaded = new ProjectLoader(registry, Map.of(), new ByteArrayInputStream(new byte[0]))
                .loadAll(sources);
        assertThat(new ProjectValidator(registry).validate(loaded, ValidationOptions.offline())).isEmpty();
        List<ProjectInput> inputs = new ArrayList<>();
        for (LoadedFile file : loaded.files()) {
            inputs.add(new ProjectInput(file.deployable(), file.source().path().toAbsolutePath().getParent(),
                    file.display()));
        }
        return inputs;
    }

    public static List<ProjectInput> loadText(String name, String json) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "projects"));
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, json);
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SynthResult synth(List<ProjectInput> inputs, SynthOptions options) {
        return AwsSynthesizer.synthesize(inputs, options, outdir());
    }

    public static SynthResult synth(Path... files) {
        return synth(load(files), SynthOptions.defaults(lambdaJar()));
    }

    public static Path outdir() {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "cdk.out");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every example, JSON only (the YAML and Jsonnet twins load into the same model), as the files synthesized
     * together: split-a and split-b are one project over two files.
     */
    public static List<List<Path>> examples() {
        List<List<Path>> groups = new ArrayList<>();
        List<Path> split = new ArrayList<>();
        for (Path file : exampleFiles()) {
            if (file.getFileName().toString().startsWith("split-")) {
                split.add(file);
            } else {
                groups.add(List.of(file));
            }
        }
        if (!split.isEmpty()) {
            groups.add(split);
        }
        return groups;
    }

    public static List<Path> exampleFiles() {
        List<Path> files = new ArrayList<>();
        try (var dirs = Files.list(EXAMPLES)) {
            dirs.filter(Files::isDirectory).sorted().forEach(dir -> {
                if (Files.exists(dir.resolve("project.json"))) {
                    files.add(dir.resolve("project.json"));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (var others = Files.list(EXAMPLES.resolve("others"))) {
            others.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
