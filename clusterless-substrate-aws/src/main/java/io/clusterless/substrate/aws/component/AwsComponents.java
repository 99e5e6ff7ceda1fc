package io.clusterless.substrate.aws.component;

import io.clusterless.model.component.ServiceIndex;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The AWS part of every component type this build can place on AWS, by type id. */
public final class AwsComponents {
    private static final AwsComponents DEFAULT = new AwsComponents(ServiceIndex.load(AwsComponent.class));

    private final Map<String, AwsComponent> byType;

    public AwsComponents(Collection<? extends AwsComponent> components) {
        Map<String, AwsComponent> map = new TreeMap<>();
        for (AwsComponent component : components) {
            AwsComponent previous = map.putIfAbsent(component.type(), component);
            if (previous != null) {
                throw new IllegalStateException("AWS component registered twice for " + component.type() + ": "
                        + previous.getClass().getName() + ", " + component.getClass().getName());
            }
        }
        this.byType = Collections.unmodifiableMap(map);
    }

    public static AwsComponents defaults() {
        return DEFAULT;
    }

    /** The AWS part of a type, when it has one of the hook {@code kind} (the hook of the type's kind). */
    public <T extends AwsComponent> Optional<T> find(String type, Class<T> kind) {
        return Optional.ofNullable(byType.get(type)).filter(kind::isInstance).map(kind::cast);
    }

    public Collection<AwsComponent> all() {
        return byType.values();
    }
}
