package io.clusterless.model.component;

import io.clusterless.model.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every component type known to this build, by id. The one place types are registered. */
public final class ComponentRegistry {
    private static final ComponentRegistry DEFAULT = fromServiceLoader();

    private final Map<String, ComponentType> byId;

    public ComponentRegistry(Collection<ComponentType> types) {
        Map<String, ComponentType> map = new TreeMap<>();
        for (ComponentType type : types) {
            ComponentType previous = map.putIfAbsent(type.id(), type);
            if (previous != null) {
                throw new IllegalStateException("component type registered twice: " + type.id());
            }
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    public static ComponentRegistry defaultRegistry() {
        return DEFAULT;
    }

    private static ComponentRegistry fromServiceLoader() {
        List<ComponentType> types = ServiceLoader.load(ComponentPlugin.class, ComponentPlugin.class.getClassLoader())
                .stream()
                .flatMap(provider -> provider.get().componentTypes().stream())
                .toList();
        return new ComponentRegistry(types);
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
