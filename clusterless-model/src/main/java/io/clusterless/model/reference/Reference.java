package io.clusterless.model.reference;

import io.clusterless.model.Component;

import java.util.Optional;

/**
 * What a reference field ({@code computeEnvironmentRef}, {@code databaseRef}, {@code bucketRef}) points at.
 * Resolution order follows the original: a component of the project by name (optionally {@code type:name},
 * {@code ns:type:name}, {@code provider:ns:type:name}), an export ref ({@code ref:...}), an ARN ({@code arn:...}),
 * else a 3-part {@code ns:type:name} export in the current project.
 */
public sealed interface Reference {
    /** The component of the loaded project this reference resolved to; empty for every other kind. */
    default Optional<Component> target() {
        return Optional.empty();
    }

    record ToComponent(Component component) implements Reference {
        @Override
        public Optional<Component> target() {
            return Optional.of(component);
        }
    }

    record ToExport(String ref) implements Reference {
    }

    record ToArn(String arn) implements Reference {
    }

    /** {@code ns:type:name} of a component outside the loaded files, imported from the current project's exports. */
    record ToProjectExport(String namespace, String type, String name) implements Reference {
    }

    record Unresolved(String reason) implements Reference {
    }
}
