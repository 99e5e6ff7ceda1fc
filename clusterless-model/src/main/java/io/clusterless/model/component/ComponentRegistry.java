package io.clusterless.model.component;

import io.clusterless.model.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every component type known to this build, by id: one {@link ComponentPlugin} per type, found with
 * {@link java.util.ServiceLoader}.
 */
public final class ComponentRegistry {
    private static final ComponentRegistry DEFAULT = fromServiceLoader();

    private final Map<String, ComponentType> byId;
    private final Map<String, ComponentPlugin> plugins;

    /**
     * A registry of the given types: a built-in type keeps its plugin's rules, any other type gets the default rules
     * of its kind (see {@link ComponentPlugin}); {@link #ofPlugins} takes types with rules of their own.
     */
    public ComponentRegistry(Collection<ComponentType> types) {
        this(byId(types.stream().map(ComponentRegistry::builtInOrDefault).toList()));
    }

    private ComponentRegistry(Map<String, ComponentPlugin> plugins) {
        this.plugins = Collections.unmodifiableMap(plugins);
        Map<String, ComponentType> types = new TreeMap<>();
        plugins.forEach((id, plugin) -> types.put(id, plugin.type()));
        this.byId = Collections.unmodifiableMap(types);
    }

    public static ComponentRegistry ofPlugins(Collection<? extends ComponentPlugin> plugins) {
        return new ComponentRegistry(byId(plugins));
    }

    private static ComponentPlugin builtInOrDefault(ComponentType type) {
        ComponentPlugin builtIn = DEFAULT == null ? null : DEFAULT.plugins.get(type.id());
        return builtIn != null && builtIn.type().equals(type) ? builtIn : ComponentPlugin.of(type);
    }

    private static Map<String, ComponentPlugin> byId(Collection<? extends ComponentPlugin> plugins) {
        Map<String, ComponentPlugin> map = new TreeMap<>();
        for (ComponentPlugin plugin : plugins) {
            ComponentPlugin previous = map.putIfAbsent(plugin.type().id(), plugin);
            if (previous != null) {
                throw new IllegalStateException("component type registered twice: " + plugin.type().id());
            }
        }
        return map;
    }

    public static ComponentRegistry defaultRegistry() {
        return DEFAULT;
    }

    private static ComponentRegistry fromServiceLoader() {
        return ofPlugins(ServiceIndex.load(ComponentPlugin.class));
    }

    public Optional<ComponentType> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Finds a type by id ignoring case; for suggestions in error messages. */
    public Optional<ComponentType> findIgnoreCase(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String lower = id.toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(t -> t.id().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** The plugin of a type, with the rules only that type knows. */
    public Optional<ComponentPlugin> plugin(String id) {
        return Optional.ofNullable(id == null ? null : plugins.get(id));
    }

    public Optional<ComponentType> forModelClass(Class<? extends Component> modelClass) {
        return byId.values().stream().filter(t -> t.modelClass().equals(modelClass)).findFirst();
    }

    public Collection<ComponentType> all() {
        return byId.values();
    }

    public List<ComponentType> ofKind(ComponentKind kind) {
        return byId.values().stream().filter(t -> t.kind() == kind).toList();
    }
}
