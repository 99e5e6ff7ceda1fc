package io.clusterless.model.component;

import java.util.List;

/**
 * A set of component types, found with {@link java.util.ServiceLoader} (declare implementations in
 * {@code META-INF/services/io.clusterless.model.component.ComponentPlugin}).
 */
public interface ComponentPlugin {
    List<ComponentType> componentTypes();
}
