package io.clusterless.model.validate;

/**
 * @param ownersElsewhere true when a later step can look up dataset owners outside the loaded files (in the
 *                        placement's metadata), so an unowned source is not an error here
 * @param localFiles      true when files the project names beside it (a batch arc's imagePath) must be there, as for
 *                        validate, synth and local run; false for deployed records and commands that only read state
 */
public record ValidationOptions(boolean ownersElsewhere, boolean localFiles) {
    public ValidationOptions(boolean ownersElsewhere) {
        this(ownersElsewhere, true);
    }

    public static ValidationOptions offline() {
        return new ValidationOptions(false, true);
    }
}
