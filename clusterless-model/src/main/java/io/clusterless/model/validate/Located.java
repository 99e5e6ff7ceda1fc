package io.clusterless.model.validate;

import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.Problem;

/**
 * A model element together with the file and path it was read from, so rules (the shared ones and those a component
 * type contributes, {@link ComponentRule}) can point at it.
 */
public record Located<T>(LoadedFile file, FieldPath path, T value) {
    public Problem problem(String message) {
        return file.problem(path, message);
    }

    public Problem problem(String field, String message) {
        return file.problem(path.field(field), message);
    }

    /** A problem at a path below this element: field names and list indexes. */
    public Problem problemAt(String message, Object... segments) {
        FieldPath target = path;
        for (Object segment : segments) {
            target = segment instanceof Integer index ? target.index(index) : target.field(segment.toString());
        }
        return file.problem(target, message);
    }

    /** e.g. {@code arcs[1] (copyB)}, for messages that name other elements. */
    public String describe(String name) {
        String where = file.display() + " " + path;
        return name == null ? where : where + " (" + name + ")";
    }
}
