package io.clusterless.model.load;

import io.clusterless.model.Deployable;
import io.clusterless.model.shape.FieldPath;

/** One project file after loading: where it came from, its positions, and the model bound from it. */
public record LoadedFile(ProjectSource source, SourceFormat format, LocatedTree tree, Deployable deployable) {
    public String display() {
        return source.display();
    }

    /** A problem at {@code path} of this file, positioned at the value (or the field name when {@code atKey}). */
    public Problem problem(FieldPath path, boolean atKey, String message) {
        Position position = atKey ? tree.keyPosition(path) : tree.valuePosition(path);
        return new Problem(display(), position, path, message);
    }

    public Problem problem(FieldPath path, String message) {
        return problem(path, false, message);
    }
}
