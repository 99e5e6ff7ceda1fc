package io.clusterless.model.validate;

/**
 * @param ownersElsewhere true when a later step can look up dataset owners outside the loaded files (in the
 *                        placement's metadata), so an unowned source is not an error here
 */
public record ValidationOptions(boolean ownersElsewhere) {
    public static ValidationOptions offline() {
        return new ValidationOptions(false);
    }
}
