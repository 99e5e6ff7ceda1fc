package io.clusterless.model.reference;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Resolves reference fields against the components of the loaded project. */
public final class ReferenceResolver {
    private final ComponentRegistry registry;
    private final List<? extends Component> components;

    public ReferenceResolver(ComponentRegistry registry, List<? extends Component> components) {
        this.registry = registry;
        this.components = List.copyOf(components);
    }

    /**
     * The component of this project {@code ref} names, typed: {@link #resolve} already checked its type id, so the
     * caller needs no cast; empty for an export, an ARN or an unresolved reference.
     */
    public <C extends Component> Optional<C> component(String ref, String expectedType, Class<C> kind) {
        return resolve(ref, expectedType).target().map(kind::cast);
    }

    /** Resolves {@code ref}, which must point at a component of {@code expectedType} (a type id). */
    public Reference resolve(String ref, String expectedType) {
        if (ref == null || ref.isBlank()) {
            return new Reference.Unresolved("reference is empty");
        }
        if (ref.startsWith("ref:")) {
            return new Reference.ToExport(ref);
        }
        if (ref.startsWith("arn:")) {
            return new Reference.ToArn(ref);
        }
        String[] parts = ref.split(":");
        String name = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        // qualifier segments, right to left: type, namespace, provider
        List<Component> matches = components.stream()
                .filter(c -> c.getName() != null && c.getName().toLowerCase(Locale.ROOT).equals(name))
                .filter(c -> qualifiersMatch(c, parts))
                .map(c -> (Component) c)
                .toList();
        if (matches.size() == 1) {
            Component match = matches.get(0);
            if (!match.getType().equals(expectedType)) {
                return new Reference.Unresolved("\"" + ref + "\" names " + article(match.getType()) + ", expected "
                        + article(expectedType));
            }
            return new Reference.ToComponent(match);
        }
        if (matches.size() > 1) {
            List<Component> ofType = matches.stream().filter(c -> c.getType().equals(expectedType)).toList();
            if (ofType.size() == 1) {
                return new Reference.ToComponent(ofType.get(0));
            }
            return new Reference.Unresolved("\"" + ref + "\" matches several components; qualify it as type:name");
        }
        if (parts.length == 3) {
            return new Reference.ToProjectExport(parts[0], parts[1], parts[2]);
        }
        String typeName = registry.find(expectedType).map(ComponentType::typeName).orElse(expectedType);
        return new Reference.Unresolved("no " + typeName + " named \"" + ref + "\" in this project; use the name "
                + "of " + article(expectedType) + " component, a ref:... export or an arn:");
    }

    /** "an aws:core:s3Bucket": every type id starts with its provider, usually "aws". */
    private static String article(String typeId) {
        return ("aeiou".indexOf(Character.toLowerCase(typeId.charAt(0))) >= 0 ? "an " : "a ") + typeId;
    }

    private boolean qualifiersMatch(Component component, String[] parts) {
        String[] type = component.getType().split(":");
        // parts = [provider?, ns?, type?, name]; compare from the right against type's segments
        for (int i = parts.length - 2, j = type.length - 1; i >= 0; i--, j--) {
            if (j < 0 || !parts[i].equalsIgnoreCase(type[j])) {
                return false;
            }
        }
        return true;
    }
}
