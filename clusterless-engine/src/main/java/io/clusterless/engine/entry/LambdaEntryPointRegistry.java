package io.clusterless.engine.entry;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.ServiceIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every component type's Lambda entry points known to this build, by type id. */
public final class LambdaEntryPointRegistry {
    private static volatile LambdaEntryPointRegistry defaultRegistry;

    private final Map<String, LambdaEntryPoints> byType;

    public LambdaEntryPointRegistry(Collection<LambdaEntryPoints> declarations) {
        Map<String, LambdaEntryPoints> map = new TreeMap<>();
        for (LambdaEntryPoints declaration : declarations) {
            LambdaEntryPoints previous = map.putIfAbsent(declaration.componentType(), declaration);
            if (previous != null) {
                throw new IllegalStateException("Lambda entry points of " + declaration.componentType()
                        + " declared twice: " + previous.getClass().getName() + " and "
                        + declaration.getClass().getName());
            }
        }
        this.byType = Collections.unmodifiableMap(map);
    }

    /** The declarations on the class path; loaded on first use, so a Lambda function never pays for them. */
    public static LambdaEntryPointRegistry defaultRegistry() {
        LambdaEntryPointRegistry registry = defaultRegistry;
        if (registry == null) {
            synchronized (LambdaEntryPointRegistry.class) {
                if (defaultRegistry == null) {
                    defaultRegistry = new LambdaEntryPointRegistry(ServiceIndex.load(LambdaEntryPoints.class));
                }
                registry = defaultRegistry;
            }
        }
        return registry;
    }

    public Optional<LambdaEntryPoints> find(String componentType) {
        return Optional.ofNullable(byType.get(componentType));
    }

    public Collection<LambdaEntryPoints> all() {
        return byType.values();
    }

    /** The handler class name of one function of a type; {@code variant} null where the suffix has one handler. */
    public String handler(String componentType, String suffix, String variant) {
        LambdaFunction function = functions(componentType).stream()
                .filter(f -> f.suffix().equals(suffix) && Objects.equals(f.variant(), variant))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no Lambda entry point declared for " + componentType
                        + " function '" + suffix + "'" + (variant == null ? "" : " (" + variant + ")")));
        if (function.userCode()) {
            throw new IllegalStateException(componentType + " function '" + suffix + "' runs the user's code, "
                    + "not a handler of ours");
        }
        return function.handler().getName();
    }

    /** An arc type's workload function: the one its state machine runs between the gates. */
    public LambdaFunction workload(String componentType) {
        List<LambdaFunction> workloads = functions(componentType).stream().filter(LambdaFunction::workload).toList();
        if (workloads.size() != 1) {
            throw new IllegalStateException(componentType + " declares " + workloads.size()
                    + " workload functions; an arc type declares exactly one");
        }
        return workloads.get(0);
    }

    private List<LambdaFunction> functions(String componentType) {
        return find(componentType).map(LambdaEntryPoints::functions).orElseThrow(() -> new IllegalStateException(
                "no Lambda entry points declared for " + componentType + " (is clusterless-lambda-runtime on the "
                        + "class path?)"));
    }

    /**
     * What is missing or wrong between the model's types and these declarations, one line per problem: a type with
     * Lambda functions and no declaration, a function suffix the declaration does not cover or the model does not
     * list, an arc type without exactly one workload function, a declaration of an unknown type. Empty when every
     * registered type is deployable.
     */
    public List<String> problems(ComponentRegistry components) {
        List<String> problems = new ArrayList<>();
        for (ComponentType type : components.all()) {
            Set<String> suffixes = new LinkedHashSet<>(type.lambdaFunctions());
            Optional<LambdaEntryPoints> declared = find(type.id());
            if (declared.isEmpty()) {
                if (!suffixes.isEmpty()) {
                    problems.add(type.id() + ": no Lambda entry points declared for its functions " + suffixes);
                }
                continue;
            }
            Set<String> covered = new LinkedHashSet<>();
            declared.get().functions().forEach(function -> covered.add(function.suffix()));
            for (String suffix : suffixes) {
                if (!covered.contains(suffix)) {
                    problems.add(type.id() + ": function '" + suffix + "' has no entry point (a handler, or userCode)");
                }
            }
            for (String suffix : covered) {
                if (!suffixes.contains(suffix)) {
                    problems.add(type.id() + ": entry point for '" + suffix + "', a function its model type does "
                            + "not list");
                }
            }
            long workloads = declared.get().functions().stream().filter(LambdaFunction::workload).count();
            if (type.kind() == ComponentKind.ARC && workloads != 1) {
                problems.add(type.id() + ": an arc type needs exactly one workload function, declares " + workloads);
            }
            if (type.kind() != ComponentKind.ARC && workloads != 0) {
                problems.add(type.id() + ": only arc types have a workload function");
            }
        }
        for (String type : byType.keySet()) {
            if (components.find(type).isEmpty()) {
                problems.add(type + ": Lambda entry points declared for a type the model does not register");
            }
        }
        return problems;
    }
}
