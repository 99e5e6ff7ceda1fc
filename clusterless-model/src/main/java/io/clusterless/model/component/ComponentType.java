package io.clusterless.model.component;

import io.clusterless.model.Component;

import java.util.List;
import java.util.Objects;

/**
 * One registered component type: its id ({@code provider:namespace:type}), kind, model class and the built-in
 * documentation shown by {@code cls show component --describe}. {@code lambdaFunctions} lists the function-name
 * suffixes of the Lambda functions the component deploys ({@code int}, {@code act}, {@code start}, {@code complete},
 * {@code func}, {@code result}), so their names can be checked before synthesis.
 */
public record ComponentType(String id, ComponentKind kind, Class<? extends Component> modelClass, String synopsis,
                            String description, List<String> lambdaFunctions) {
    public ComponentType {
        lambdaFunctions = List.copyOf(lambdaFunctions);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modelClass, "modelClass");
        if (id.split(":").length != 3) {
            throw new IllegalArgumentException("component type id must be provider:namespace:type, got: " + id);
        }
        if (!kind.baseClass().isAssignableFrom(modelClass)) {
            throw new IllegalArgumentException(modelClass.getName() + " is not a " + kind.displayName());
        }
    }

    public String provider() {
        return id.split(":")[0];
    }

    /** Second segment of the id, reused as the resource namespace of export refs. */
    public String namespace() {
        return id.split(":")[1];
    }

    /** Third segment of the id, reused as the resource type of export refs. */
    public String typeName() {
        return id.split(":")[2];
    }
}
