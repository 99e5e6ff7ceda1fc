package io.clusterless.engine.plan;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.ServiceIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The boundary and activity planners on the class path, by component type id. */
public final class Planners {
    private static final Planners DEFAULT = new Planners(load(BoundaryPlanner.class), load(ActivityPlanner.class));

    private final Map<String, BoundaryPlanner> boundaries;
    private final Map<String, ActivityPlanner> activities;

    public Planners(Collection<BoundaryPlanner> boundaries, Collection<ActivityPlanner> activities) {
        this.boundaries = byType(boundaries, BoundaryPlanner::componentType);
        this.activities = byType(activities, ActivityPlanner::componentType);
    }

    public static Planners defaultPlanners() {
        return DEFAULT;
    }

    BoundaryPlanner boundary(Component boundary) {
        return find(boundaries, boundary);
    }

    ActivityPlanner activity(Component activity) {
        return find(activities, activity);
    }

    /**
     * Each registered boundary or activity type without a planner, one line per type; empty when every one can be
     * placed.
     */
    public List<String> problems(ComponentRegistry components) {
        List<String> problems = new ArrayList<>();
        for (ComponentType type : components.ofKind(ComponentKind.BOUNDARY)) {
            if (!boundaries.containsKey(type.id())) {
                problems.add(type.id() + ": no BoundaryPlanner declared");
            }
        }
        for (ComponentType type : components.ofKind(ComponentKind.ACTIVITY)) {
            if (!activities.containsKey(type.id())) {
                problems.add(type.id() + ": no ActivityPlanner declared");
            }
        }
        return problems;
    }

    private static <P> P find(Map<String, P> planners, Component component) {
        P planner = planners.get(component.getType());
        if (planner == null) {
            throw new IllegalArgumentException(component.getType() + " '" + component.getName()
                    + "' cannot be placed: no runtime for this type");
        }
        return planner;
    }

    private static <P> Map<String, P> byType(Collection<P> planners, Function<P, String> type) {
        Map<String, P> map = new TreeMap<>();
        for (P planner : planners) {
            P previous = map.putIfAbsent(type.apply(planner), planner);
            if (previous != null) {
                throw new IllegalStateException("two planners of " + type.apply(planner) + ": "
                        + previous.getClass().getName() + " and " + planner.getClass().getName());
            }
        }
        return map;
    }

    private static <P> List<P> load(Class<P> service) {
        return ServiceIndex.load(service);
    }
}
