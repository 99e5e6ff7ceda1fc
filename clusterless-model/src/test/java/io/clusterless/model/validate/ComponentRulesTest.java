package io.clusterless.model.validate;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A component type's own checks come from its plugin; the shared rules select no type by class. */
class ComponentRulesTest {
    private static final Path VALIDATE_SOURCES = Path.of("src/main/java/io/clusterless/model/validate");

    @Test
    void aNewTypeIsValidatedWithTheRuleItsPluginContributes() {
        // GIVEN a type registered beside the core ones, with a rule of its own
        ComponentRegistry registry = ComponentRegistry.ofPlugins(Stream.concat(
                ServiceLoader.load(ComponentPlugin.class).stream().map(ServiceLoader.Provider::get),
                Stream.of(new LimitedArcPlugin())).toList());

        // WHEN a project declares two arcs of it, one with two sinks
        List<String> problems = problems(registry, SampleProjects.BASE.replace("""
                  "arcs": [
                """, """
                  "arcs": [
                    {"type": "test:core:limitedArc", "name": "single",
                     "sources": {"main": {"name": "raw", "version": "1"}},
                     "sinks": {"main": {"name": "single", "version": "1", "pathURI": "s3://dev-demo-data/single/"}}},
                    {"type": "test:core:limitedArc", "name": "double",
                     "sources": {"main": {"name": "raw", "version": "1"}},
                     "sinks": {"main": {"name": "double", "version": "1", "pathURI": "s3://dev-demo-data/double/"},
                               "extra": {"name": "extra", "version": "1", "pathURI": "s3://dev-demo-data/extra/"}}},
                """));

        // THEN only the arc with two sinks is refused, by its type's rule, at the field the rule names
        assertThat(problems).filteredOn(p -> p.startsWith("arcs[0]") || p.startsWith("arcs[1]"))
                .containsExactly("arcs[1].sinks: a limitedArc writes one sink, not 2; remove the others");
    }

    @Test
    void theSharedRulesNameNoComponentTypeClass() throws IOException {
        try (Stream<Path> files = Files.list(VALIDATE_SOURCES)) {
            List<String> offenders = files.filter(f -> {
                try {
                    return Files.readString(f).contains("import io.clusterless.model.core.");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).sorted().toList();
            assertThat(offenders).as("shared rules importing a type's class; move the check to the type's plugin")
                    .isEmpty();
        }
    }

    private static List<String> problems(ComponentRegistry registry, String json) {
        ProjectLoader loader = new ProjectLoader(registry, Map.of(), InputStream.nullInputStream());
        LoadedProject loaded = loader.loadAll(List.of(ProjectSource.text("project.json", json)));
        return new ProjectValidator(registry).validate(loaded, ValidationOptions.offline()).stream()
                .map(problem -> problem.path() + ": " + problem.message()).toList();
    }

    /** A test arc type: a copy arc that writes one sink. */
    public static class LimitedArc extends S3CopyArc {
    }

    static final class LimitedArcPlugin implements ComponentPlugin, ComponentRules<LimitedArc> {
        private static final ComponentType TYPE = new ComponentType("test:core:limitedArc", ComponentKind.ARC,
                LimitedArc.class, "A test arc.", "Copies into one sink.",
                List.of("start", "complete", "func"));

        @Override
        public ComponentType type() {
            return TYPE;
        }

        @Override
        public List<ComponentRule<LimitedArc>> rules() {
            return List.of(ComponentRule.of(ComponentRule.Concern.SETTINGS, (arc, context, problems) -> {
                int sinks = arc.value().getSinks().size();
                if (sinks > 1) {
                    problems.add(arc.problem("sinks", "a limitedArc writes one sink, not " + sinks
                            + "; remove the others"));
                }
            }));
        }
    }
}
