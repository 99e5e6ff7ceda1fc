package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentPlugin;

import java.util.List;

/**
 * Implemented by a {@link ComponentPlugin} whose type has checks of its own, so a new type brings them in its own
 * folder. (A separate interface because the validation types sit above the component package: the plugin interface
 * cannot name them without a package cycle.)
 *
 * @param <T> the type's model class
 */
public interface ComponentRules<T extends Component> {
    /** The type's checks, run in this order within each concern. */
    List<ComponentRule<T>> rules();
}
