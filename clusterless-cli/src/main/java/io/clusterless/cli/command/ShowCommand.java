package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.json.Json;
import io.clusterless.model.Arc;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.model.Project;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.shape.Shape;
import io.clusterless.model.shape.Shapes;
import io.clusterless.model.shape.TemplateWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code cls show}: what component types and model elements exist, and templates to start from. */
@Command(name = "show",
        description = "Show component types and project model elements: list them, describe them, or print a JSON "
                + "template with their defaults; what a lot id stands for (show lot); and what is deployed (show "
                + "placement|project|arc|dataset [NAME]).",
        mixinStandardHelpOptions = true,
        subcommands = {
                ShowCommand.Component.class,
                ShowCommand.Resource.class,
                ShowCommand.Activity.class,
                ShowCommand.Boundary.class,
                ShowArcCommand.class,
                ShowCommand.Model.class,
                ShowDeployedCommands.Placement.class,
                ShowDeployedCommands.Project.class,
                ShowDeployedCommands.Dataset.class,
                ShowLotCommand.class,
                ShowProviderCommand.class
        })
public final class ShowCommand implements Runnable {
    final CliContext context;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        // this command's place in the tree, so the usage reads "cls show" and lists the global options
        spec.commandLine().usage(context.out());
    }

    /** Exactly one of the ways to show things. */
    static final class Selection {
        @Option(names = "--list", required = true, description = "List the names, one per line.")
        boolean list;
        @Option(names = "--model", required = true, paramLabel = "NAME",
                description = "Print a JSON template of NAME with its defaults.")
        String model;
        @Option(names = "--describe", required = true, paramLabel = "NAME",
                description = "Describe NAME: synopsis, description and template.")
        String describe;
        @Option(names = "--model-all", required = true, description = "Print the templates of all.")
        boolean modelAll;
        @Option(names = "--describe-all", required = true, description = "Describe all.")
        boolean describeAll;
    }

    /** Shared behaviour of the component subcommands. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        ShowCommand show;

        // optional for picocli so that show arc without one can show deployed arcs; required by unselected()
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Selection selection;

        @Spec
        CommandSpec baseSpec;

        @Option(names = "--required", description = "With --model: only the required fields.")
        boolean required;

        /** Names in display order mapped to what they show. */
        abstract Map<String, Element> elements();

        abstract String what();

        /** Without --list, --model…: a usage error, as for any missing required option. */
        Integer unselected() {
            throw new ParameterException(baseSpec.commandLine(), "Missing required argument (specify one of these): "
                    + "(--list | --model=NAME | --describe=NAME | --model-all | --describe-all)");
        }

        @Override
        public Integer call() throws Exception {
            if (selection == null) {
                return unselected();
            }
            PrintWriter out = show.context.out();
            Map<String, Element> elements = elements();
            boolean json = show.context.output() == OutputFormat.json;
            if (selection.list) {
                List<String> names = new ArrayList<>(elements.keySet());
                names.sort(String.CASE_INSENSITIVE_ORDER);
                if (json) {
                    out.println(Json.records().writeValueAsString(names));
                } else {
                    names.forEach(out::println);
                }
            } else if (selection.model != null) {
                out.println(pretty(find(elements, selection.model).template(required)));
            } else if (selection.describe != null) {
                describe(out, find(elements, selection.describe));
            } else if (selection.modelAll) {
                for (Element element : elements.values()) {
                    out.println(pretty(element.template(required)));
                }
            } else {
                for (Map.Entry<String, Element> entry : elements.entrySet()) {
                    describe(out, entry.getValue());
                    out.println();
                }
            }
            out.flush();
            return 0;
        }

        private void describe(PrintWriter out, Element element) throws Exception {
            out.println("Type:        " + element.name());
            out.println("Synopsis:    " + element.synopsis());
            out.println("Description: " + element.description());
            out.println("Template:");
            out.println(pretty(element.template(required)));
        }

        private Element find(Map<String, Element> elements, String name) {
            Optional<Element> match = elements.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst();
            return match.orElseThrow(() -> new UserException("no " + what() + " found for: " + name
                    + "; known: " + String.join(", ", elements.keySet())));
        }

        private static String pretty(JsonNode node) throws Exception {
            return Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(node);
        }
    }

    /** Something `show` can describe. */
    record Element(String name, String synopsis, String description, TemplateSource source) {
        ObjectNode template(boolean requiredOnly) {
            return source.template(requiredOnly);
        }
    }

    interface TemplateSource {
        ObjectNode template(boolean requiredOnly);
    }

    abstract static class ComponentBase extends Base {
        abstract List<ComponentKind> kinds();

        @Override
        Map<String, Element> elements() {
            ProjectLoader loader = new ProjectLoader();
            Map<String, Element> elements = new LinkedHashMap<>();
            for (ComponentType type : ComponentRegistry.defaultRegistry().all()) {
                if (kinds().contains(type.kind())) {
                    elements.put(type.id(), new Element(type.id(), type.synopsis(), type.description(), required -> {
                        ObjectNode template = TemplateWriter.template(Shapes.of(type.modelClass()),
                                loader.defaultsOf(type), required);
                        template.put("type", type.id());
                        return template;
                    }));
                }
            }
            return elements;
        }

        @Override
        String what() {
            return "component type";
        }
    }

    @Command(name = "component", description = "Every component type: resources, activities, boundaries, arcs.",
            mixinStandardHelpOptions = true)
    static final class Component extends ComponentBase {
        @Override
        List<ComponentKind> kinds() {
            return List.of(ComponentKind.values());
        }
    }

    @Command(name = "resource", description = "Resource component types.", mixinStandardHelpOptions = true)
    static final class Resource extends ComponentBase {
        @Override
        List<ComponentKind> kinds() {
            return List.of(ComponentKind.RESOURCE);
        }
    }

    @Command(name = "activity", description = "Activity component types.", mixinStandardHelpOptions = true)
    static final class Activity extends ComponentBase {
        @Override
        List<ComponentKind> kinds() {
            return List.of(ComponentKind.ACTIVITY);
        }
    }

    @Command(name = "boundary", description = "Boundary component types.", mixinStandardHelpOptions = true)
    static final class Boundary extends ComponentBase {
        @Override
        List<ComponentKind> kinds() {
            return List.of(ComponentKind.BOUNDARY);
        }
    }

    @Command(name = "model", description = "Project model elements: deployable, project, placement, arc, "
            + "sourceDataset, sinkDataset.", mixinStandardHelpOptions = true)
    static final class Model extends Base {
        @Override
        Map<String, Element> elements() {
            Map<String, Element> elements = new LinkedHashMap<>();
            add(elements, "deployable", "A project file.", "One project placed in one placement, with its "
                    + "resources, activities, boundaries, barriers and arcs.", Deployable.class, new Deployable());
            add(elements, "project", "Project name and version.", "The project identity used in every physical "
                    + "name.", Project.class, new Project());
            add(elements, "placement", "Where a project is placed.", "Provider, optional stage, account and "
                    + "region.", Placement.class, new Placement());
            add(elements, "arc", "Fields common to every arc.", "Sources and sinks by role; each arc type adds its "
                    + "own workload (see cls show arc --list).", Arc.class, null);
            add(elements, "sourceDataset", "A dataset an arc reads.", "Name, version and whether to subscribe to "
                    + "its events.", SourceDataset.class, new SourceDataset());
            add(elements, "sinkDataset", "A dataset a boundary or arc writes.", "Name, version and location.",
                    SinkDataset.class, new SinkDataset());
            return elements;
        }

        private static void add(Map<String, Element> elements, String name, String synopsis, String description,
                                Class<?> type, Object defaults) {
            Shape.ObjectShape shape = Shapes.of(type);
            JsonNode tree = defaults == null ? null : Json.model().valueToTree(defaults);
            elements.put(name, new Element(name, synopsis, description,
                    required -> TemplateWriter.template(shape, tree, required)));
        }

        @Override
        String what() {
            return "model";
        }
    }
}
