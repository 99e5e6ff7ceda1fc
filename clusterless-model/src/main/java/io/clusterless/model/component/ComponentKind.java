package io.clusterless.model.component;

import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Barrier;
import io.clusterless.model.Boundary;
import io.clusterless.model.Component;
import io.clusterless.model.Resource;

/** The lists of a project file, each holding one kind of component. */
public enum ComponentKind {
    RESOURCE("resources", "resource", Resource.class),
    ACTIVITY("activities", "activity", Activity.class),
    BOUNDARY("boundaries", "boundary", Boundary.class),
    BARRIER("barriers", "barrier", Barrier.class),
    ARC("arcs", "arc", Arc.class);

    private final String listField;
    private final String displayName;
    private final Class<? extends Component> baseClass;

    ComponentKind(String listField, String displayName, Class<? extends Component> baseClass) {
        this.listField = listField;
        this.displayName = displayName;
        this.baseClass = baseClass;
    }

    /** The field of the project file that lists this kind, e.g. {@code arcs}. */
    public String listField() {
        return listField;
    }

    public String displayName() {
        return displayName;
    }

    public Class<? extends Component> baseClass() {
        return baseClass;
    }

    public static ComponentKind ofListField(String field) {
        for (ComponentKind kind : values()) {
            if (kind.listField.equals(field)) {
                return kind;
            }
        }
        return null;
    }
}
