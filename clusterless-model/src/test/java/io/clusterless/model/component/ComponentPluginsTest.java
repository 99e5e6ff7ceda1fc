package io.clusterless.model.component;

import io.clusterless.model.Component;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.load.SampleProjects;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A component type is one plugin in its model folder, and the rules validation applies to it are that plugin's. */
class ComponentPluginsTest {
    @Test
    void everyTypeIsDeclaredByOnePluginInItsModelClassFolder() {
        List<ComponentPlugin> plugins = ServiceLoader.load(ComponentPlugin.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(plugins).hasSize(ComponentRegistry.defaultRegistry().all().size()).hasSize(15);
        for (ComponentPlugin plugin : plugins) {
            assertThat(plugin.getClass().getPackageName()).as(plugin.type().id())
                    .isEqualTo(plugin.type().modelClass().getPackageName());
            assertThat(plugin.getClass().getSimpleName()).isEqualTo(plugin.type().modelClass().getSimpleName()
                    + "Plugin");
        }
    }

    @Test
    void aRegistryBuiltFromTheBuiltInTypesKeepsTheirRules() {
        ComponentRegistry registry = new ComponentRegistry(ComponentRegistry.defaultRegistry().all());

        assertThat(registry.plugin("aws:core:glueAddPartitionsArc").orElseThrow().sinkScheme())
                .isEqualTo(SinkScheme.GLUE);
    }

    @Test
    void aNewArcTypeBringsItsOwnSinkSchemeAndPhysicalNames() {
        // GIVEN a type, registered beside the core ones, whose arcs write Glue tables and get a second rule
        ComponentRegistry registry = ComponentRegistry.ofPlugins(Stream.concat(
                ServiceLoader.load(ComponentPlugin.class).stream().map(ServiceLoader.Provider::get),
                Stream.of(new TableArcPlugin())).toList());

        // WHEN a project uses it, with a Glue sink, beside a copy arc that writes a Glue table too
        List<String> problems = problems(registry, SampleProjects.BASE.replace("""
                  "arcs": [
                """, """
                  "arcs": [
                    {"type": "test:core:tableArc", "name": "tabled",
                     "sources": {"main": {"name": "raw", "version": "1"}},
                     "sinks": {"main": {"name": "tabled", "version": "1", "pathURI": "glue:///demo/events"}}},
                    {"type": "aws:core:s3CopyArc", "name": "misplaced",
                     "sources": {"main": {"name": "raw", "version": "1"}},
                     "sinks": {"main": {"name": "misplaced", "version": "1", "pathURI": "glue:///demo/other"}}},
                """));

        // THEN (of the two new arcs) its Glue sink is accepted, the copy arc is told which types write Glue tables, and its second rule's
        // name is checked like any core one
        assertThat(problems.stream().filter(p -> p.startsWith("arcs[0]") || p.startsWith("arcs[1]")))
                .containsExactly(
                "arcs[0].name: EventBridge rule name \"DEV-demo-tabled-20230101-00-rule-late-arrivals-of-every-"
                        + "source-dataset\" is 70 characters, over AWS's limit of 64; shorten this name or the project name",
                "arcs[1].sinks.main.pathURI: glue:// sinks are only for aws:core:glueAddPartitionsArc, "
                        + "test:core:tableArc; write s3://bucket/prefix/");
    }

    private static List<String> problems(ComponentRegistry registry, String json) {
        ProjectLoader loader = new ProjectLoader(registry, Map.of(), InputStream.nullInputStream());
        LoadedProject loaded = loader.loadAll(List.of(ProjectSource.text("project.json", json)));
        return new ProjectValidator(registry).validate(loaded, ValidationOptions.offline()).stream()
                .map(problem -> problem.path() + ": " + problem.message()).toList();
    }

    /** A test arc type: copies, as far as the model cares, but into Glue tables. */
    public static class TableArc extends S3CopyArc {
    }

    static final class TableArcPlugin implements ComponentPlugin {
        private static final ComponentType TYPE = new ComponentType("test:core:tableArc", ComponentKind.ARC,
                TableArc.class, "A test arc.", "Writes Glue tables.", List.of("start", "complete", "func"));

        @Override
        public ComponentType type() {
            return TYPE;
        }

        @Override
        public List<NameClaim> physicalNames(Component component) {
            List<NameClaim> claims = new ArrayList<>(ComponentPlugin.super.physicalNames(component));
            // a second rule, for late arrivals, whose name is long enough to pass AWS's limit
            claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.RULE,
                    (names, name) -> names.arcListenerRule(name) + "-late-arrivals-of-every-source-dataset"));
            return claims;
        }

        @Override
        public SinkScheme sinkScheme() {
            return SinkScheme.GLUE;
        }
    }
}
