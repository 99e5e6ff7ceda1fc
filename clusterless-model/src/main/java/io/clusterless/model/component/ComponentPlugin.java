package io.clusterless.model.component;

import io.clusterless.model.Component;

import java.util.List;

/**
 * One component type: its declaration and the rules only it knows, found with {@link java.util.ServiceLoader}
 * (list each implementation in {@code META-INF/services/io.clusterless.model.component.ComponentPlugin}). Each
 * plugin lives in its type's folder beside the model classes, so a type's model story is read in one place. A type
 * with validation checks of its own also implements {@code io.clusterless.model.validate.ComponentRules} (named, not
 * linked: validation sits above this package).
 */
public interface ComponentPlugin {
    ComponentType type();

    /**
     * The physical AWS names a component of this type gets when deployed, so validation can check them before
     * synth. The default is what every component of the type's kind gets; a type adds its own.
     */
    default List<NameClaim> physicalNames(Component component) {
        return NameClaim.ofKind(type().kind(), component.getName());
    }

    /** The scheme of the sink locations an arc of this type writes; other schemes are refused. */
    default SinkScheme sinkScheme() {
        return SinkScheme.S3;
    }

    /** A plugin of a type with the default rules of its kind, for types declared without one (tests). */
    static ComponentPlugin of(ComponentType type) {
        return () -> type;
    }
}
