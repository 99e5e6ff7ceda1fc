package io.clusterless.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.model.shape.FieldPath;

import java.util.Map;

/**
 * A parsed project file with the position of every value and field name, so that problems found later (when
 * binding or validating) can point at a line and column. Jsonnet output has no positions of its own.
 */
public record LocatedTree(JsonNode root, Map<String, Position> values, Map<String, Position> keys) {
    public static LocatedTree withoutPositions(JsonNode root) {
        return new LocatedTree(root, Map.of(), Map.of());
    }

    /** The position of the value at {@code path}, or of the nearest enclosing value that has one. */
    public Position valuePosition(FieldPath path) {
        for (FieldPath p = path; ; p = p.parent()) {
            Position position = values.get(p.pointer());
            if (position != null || p.isRoot()) {
                return position;
            }
        }
    }

    /** The position of the field name at the end of {@code path}, else of its value. */
    public Position keyPosition(FieldPath path) {
        Position position = keys.get(path.pointer());
        return position != null ? position : valuePosition(path);
    }
}
