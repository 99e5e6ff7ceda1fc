package io.clusterless.local.run;

import io.clusterless.local.resource.LocalResourceType;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.ServiceIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** The local side of every arc and resource type on the class path, by component type id. */
public final class LocalTypes {
    private static final LocalTypes DEFAULT = new LocalTypes(load(LocalArcType.class), load(LocalResourceType.class));

    private final Map<String, LocalArcType> arcs;
    private final Map<String, LocalResourceType> resources;

    public LocalTypes(Collection<LocalArcType> arcs, Collection<LocalResourceType> resources) {
        this.arcs = byType(arcs, LocalArcType::componentType);
        this.resources = byType(resources, LocalResourceType::componentType);
    }

    public static LocalTypes defaultTypes() {
        return DEFAULT;
    }

    public Optional<LocalArcType> arc(String componentType) {
        return Optional.ofNullable(arcs.get(componentType));
    }

    public Optional<LocalResourceType> resource(String componentType) {
        return Optional.ofNullable(resources.get(componentType));
    }

    public Collection<LocalArcType> arcTypes() {
        return arcs.values();
    }

    public Collection<LocalResourceType> resourceTypes() {
        return resources.values();
    }

    /**
     * Each registered arc type with neither a local executor nor a reason it cannot run locally, and each resource
     * type that does not say what it is locally, one line per type; empty when every type is accounted for.
     */
    public List<String> problems(ComponentRegistry components) {
        List<String> problems = new ArrayList<>();
        for (ComponentType type : components.ofKind(ComponentKind.ARC)) {
            LocalArcType local = arcs.get(type.id());
            if (local == null) {
                problems.add(type.id() + ": no LocalArcType declared (a local executor, or why it is not "
                        + "supported locally)");
            } else if (local.notSupportedLocally().map(String::isBlank).orElse(false)) {
                problems.add(type.id() + ": not supported locally, without a reason for the user");
            }
        }
        for (ComponentType type : components.ofKind(ComponentKind.RESOURCE)) {
            LocalResourceType local = resources.get(type.id());
            if (local == null) {
                problems.add(type.id() + ": no LocalResourceType declared (what it is locally)");
            } else if (local.localForm() == null || local.localForm().isBlank()) {
                problems.add(type.id() + ": its LocalResourceType does not say what it is locally");
            }
        }
        return problems;
    }

    private static <T> Map<String, T> byType(Collection<T> declarations, Function<T, String> type) {
        Map<String, T> map = new TreeMap<>();
        for (T declaration : declarations) {
            T previous = map.putIfAbsent(type.apply(declaration), declaration);
            if (previous != null) {
                throw new IllegalStateException("two local declarations of " + type.apply(declaration) + ": "
                        + previous.getClass().getName() + " and " + declaration.getClass().getName());
            }
        }
        return map;
    }

    private static <T> List<T> load(Class<T> service) {
        return ServiceIndex.load(service);
    }
}
