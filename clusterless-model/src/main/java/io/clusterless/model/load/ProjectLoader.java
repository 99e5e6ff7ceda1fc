package io.clusterless.model.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.json.Json;
import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.FreshnessTopic;
import io.clusterless.model.Placement;
import io.clusterless.model.Project;
import io.clusterless.model.Resource;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.shape.Finding;
import io.clusterless.model.shape.ShapeChecker;
import io.clusterless.model.shape.Shapes;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads project files (JSON with comments, YAML, Jsonnet, or any of them on stdin) into the model. Every problem of a
 * file is collected; a file with problems yields none of its model.
 */
public final class ProjectLoader {
    private final ComponentRegistry registry;
    private final Map<String, String> extStrs;
    private final List<Path> jpaths;
    private final InputStream stdin;
    private final Map<Class<?>, JsonNode> defaults = new ConcurrentHashMap<>();
    private ImportWatcher imports = ImportWatcher.NONE;

    public ProjectLoader(ComponentRegistry registry, Map<String, String> extStrs, InputStream stdin) {
        this(registry, new JsonnetOptions(extStrs, List.of()), stdin);
    }

    /** @param jsonnet external variables and the folders ({@code --jpath}) imports may read besides the file's own */
    public ProjectLoader(ComponentRegistry registry, JsonnetOptions jsonnet, InputStream stdin) {
        this.registry = registry;
        this.extStrs = jsonnet.extStrs();
        this.jpaths = jsonnet.jpaths();
        this.stdin = stdin;
    }

    public ProjectLoader() {
        this(ComponentRegistry.defaultRegistry(), Map.of(), System.in);
    }

    /** This loader, telling {@code watcher} of every file a Jsonnet import looks for. */
    public ProjectLoader watchingImports(ImportWatcher watcher) {
        this.imports = watcher;
        return this;
    }

    /** Loads one file; throws {@link ProblemException} with every problem found in it. */
    public LoadedFile load(ProjectSource source) {
        LocatedTree tree;
        SourceFormat format;
        String display = source.display();
        if (source.text() == null && ProjectSource.STDIN.equals(display)) {
            source = ProjectSource.text("<stdin>", ProjectText.read("<stdin>", stdin), source.format());
            display = source.display();
        }
        String text = source.text() != null ? ProjectText.decode(display, source.text().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)) : ProjectText.read(display, source.path());
        format = source.format() != null ? source.format()
                : source.path() != null && SourceFormat.ofFileName(source.path().toString()) != null
                ? SourceFormat.ofFileName(source.path().toString()) : SourceFormat.sniff(text);
        tree = switch (format) {
            case JSON -> TreeReader.readJson(display, text);
            case YAML -> TreeReader.readYaml(display, text);
            case JSONNET -> LocatedTree.withoutPositions(TreeReader.readJson(display,
                    JsonnetEvaluator.evaluate(display, source.path(), text, extStrs, jpaths, imports)).root());
        };
        LoadedFile located = new LoadedFile(source, format, tree, null);
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw new ProblemException(located.problem(FieldPath.root(), "expected a project object at the top level, "
                    + "found " + (root.isArray() ? "an array" : "a " + root.getNodeType().name().toLowerCase())
                    + "; a file holds exactly one project object"));
        }
        List<Finding> findings = new ShapeChecker(registry).check(root, Shapes.of(Deployable.class));
        if (!findings.isEmpty()) {
            throw new ProblemException(findings.stream()
                    .map(f -> located.problem(f.path(), f.atKey(), f.message())).sorted().toList());
        }
        return new LoadedFile(source, format, tree, bind(located));
    }

    /** Loads several files as one project; every problem of every file is reported together. */
    public LoadedProject loadAll(List<ProjectSource> sources) {
        List<LoadedFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (ProjectSource source : sources) {
            try {
                files.add(load(source));
            } catch (ProblemException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        return new LoadedProject(files);
    }

    private Deployable bind(LoadedFile file) {
        JsonNode root = file.tree().root();
        ObjectMapper mapper = Json.model();
        List<Problem> problems = new ArrayList<>();
        Project project = bindValue(file, root.get("project"), FieldPath.of("project"), Project.class, problems);
        Placement placement = bindValue(file, root.get("placement"), FieldPath.of("placement"), Placement.class,
                problems);
        Map<ComponentKind, List<Component>> lists = new LinkedHashMap<>();
        for (ComponentKind kind : List.of(ComponentKind.RESOURCE, ComponentKind.ACTIVITY, ComponentKind.BOUNDARY,
                ComponentKind.ARC)) {
            List<Component> components = new ArrayList<>();
            JsonNode list = root.get(kind.listField());
            if (list != null && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode element = list.get(i);
                    Optional<ComponentType> type = registry.find(element.get("type").textValue());
                    Class<? extends Component> modelClass = type.orElseThrow().modelClass();
                    JsonNode merged = TreeMerge.merge(defaultsOf(mapper, modelClass), element);
                    Component component = bindValue(file, merged, FieldPath.of(kind.listField(), i), modelClass,
                            problems);
                    components.add(component);
                }
            }
            lists.put(kind, components);
        }
        JsonNode topicNode = root.get("freshnessTopic");
        FreshnessTopic topic = topicNode == null || topicNode.isNull() ? null
                : bindValue(file, topicNode, FieldPath.of("freshnessTopic"), FreshnessTopic.class, problems);
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        Deployable deployable = new Deployable(project, placement,
                cast(lists.get(ComponentKind.RESOURCE), Resource.class),
                cast(lists.get(ComponentKind.ACTIVITY), Activity.class),
                cast(lists.get(ComponentKind.BOUNDARY), Boundary.class),
                castArcs(lists.get(ComponentKind.ARC)));
        deployable.setFreshnessTopic(topic);
        return deployable;
    }

    private JsonNode defaultsOf(ObjectMapper mapper, Class<? extends Component> modelClass) {
        return defaults.computeIfAbsent(modelClass, type -> {
            try {
                return mapper.valueToTree(type.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("component model needs a no-argument constructor: " + type, e);
            }
        });
    }

    /** The defaults of a component type as a tree, as `cls show component --model` prints them. */
    public JsonNode defaultsOf(ComponentType type) {
        return defaultsOf(Json.model(), type.modelClass()).deepCopy();
    }

    private static <T> T bindValue(LoadedFile file, JsonNode node, FieldPath base, Class<T> type,
                                   List<Problem> problems) {
        try {
            return Json.model().treeToValue(node, type);
        } catch (JsonMappingException e) {
            FieldPath path = base;
            for (JsonMappingException.Reference reference : e.getPath()) {
                path = reference.getFieldName() != null ? path.field(reference.getFieldName())
                        : path.index(reference.getIndex());
            }
            problems.add(file.problem(path, SyntaxMessages.clean(e.getOriginalMessage())));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(file.problem(base, SyntaxMessages.clean(e.getOriginalMessage())));
            return null;
        }
    }

    private static <T> List<T> cast(List<Component> components, Class<T> type) {
        return components.stream().map(type::cast).toList();
    }

    private static List<Arc<?>> castArcs(List<Component> components) {
        List<Arc<?>> arcs = new ArrayList<>();
        for (Component component : components) {
            arcs.add((Arc<?>) component);
        }
        return arcs;
    }
}
