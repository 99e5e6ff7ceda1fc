package io.clusterless.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.Component;
import io.clusterless.model.RuntimeProps;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.shape.Shape;
import io.clusterless.model.shape.Shapes;

import java.util.List;
import java.util.Map;

/**
 * Memory, timeout and retry limits of every runtime-props object, wherever a component type declares one: the
 * component's tree is walked with its shape, so new types need no change here.
 */
final class RuntimePropsRule implements Rule {
    private static final int LAMBDA_MAX_TIMEOUT_MIN = 15;
    private static final int LAMBDA_MAX_RETRIES = 185;
    private static final int BATCH_MAX_RETRIES = 9;

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Component> located : Elements.components(project)) {
            JsonNode tree = Json.model().valueToTree(located.value());
            walk(located, tree, Shapes.of(located.value().getClass()), located.path(), problems);
        }
    }

    private void walk(Located<Component> located, JsonNode node, Shape.ObjectShape shape, FieldPath path,
                      List<Problem> problems) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (RuntimeProps.class.isAssignableFrom(shape.type())) {
            check(located, node, shape, path, problems);
            return;
        }
        for (Map.Entry<String, Shape.Property> entry : shape.properties().entrySet()) {
            if (entry.getValue().shape() instanceof Shape.ObjectShape child) {
                walk(located, node.get(entry.getKey()), child, path.field(entry.getKey()), problems);
            }
        }
    }

    private void check(Located<Component> located, JsonNode node, Shape.ObjectShape shape, FieldPath path,
                       List<Problem> problems) {
        RuntimeProps props = Json.model().convertValue(node, shape.type().asSubclass(RuntimeProps.class));
        boolean lambda = "Lambda".equals(props.service());
        int memory = props.getMemorySizeMB();
        if (memory < props.minMemoryMB() || memory > props.maxMemoryMB()) {
            problems.add(located.file().problem(path.field("memorySizeMB"), props.service() + " memory "
                    + memory + " MB is out of range; use " + props.minMemoryMB() + " to " + props.maxMemoryMB()
                    + " MB"));
        }
        int timeout = props.getTimeoutMin();
        if (timeout < 1 || lambda && timeout > LAMBDA_MAX_TIMEOUT_MIN) {
            problems.add(located.file().problem(path.field("timeoutMin"), props.service() + " timeout " + timeout
                    + " min is out of range; use 1 to " + (lambda ? LAMBDA_MAX_TIMEOUT_MIN + " min" : "any minutes")));
        }
        int retries = props.getRetryAttempts();
        int maxRetries = lambda ? LAMBDA_MAX_RETRIES : BATCH_MAX_RETRIES;
        if (retries < 0 || retries > maxRetries) {
            problems.add(located.file().problem(path.field("retryAttempts"), props.service() + " retry attempts "
                    + retries + " is out of range; use 0 to " + maxRetries));
        }
    }
}
