package io.clusterless.model.shape;


/**
 * A problem found at a path of the tree. {@code atKey}: point at the field name (unknown fields) rather than at the
 * value.
 */
public record Finding(FieldPath path, boolean atKey, String message) {
    public static Finding atValue(FieldPath path, String message) {
        return new Finding(path, false, message);
    }

    public static Finding atKey(FieldPath path, String message) {
        return new Finding(path, true, message);
    }
}
