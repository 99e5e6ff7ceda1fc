package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;

import java.util.ArrayList;
import java.util.List;

/** Walks the components of a project with their positions. */
final class Elements {
    private Elements() {
    }

    static List<Located<Component>> components(LoadedProject project) {
        List<Located<Component>> all = new ArrayList<>();
        for (LoadedFile file : project.files()) {
            add(all, file, ComponentKind.RESOURCE, file.deployable().getResources());
            add(all, file, ComponentKind.ACTIVITY, file.deployable().getActivities());
            add(all, file, ComponentKind.BOUNDARY, file.deployable().getBoundaries());
            add(all, file, ComponentKind.ARC, file.deployable().getArcs());
        }
        return all;
    }

    static <T extends Component> List<Located<T>> ofType(LoadedProject project, Class<T> type) {
        List<Located<T>> found = new ArrayList<>();
        for (Located<Component> located : components(project)) {
            if (type.isInstance(located.value())) {
                found.add(new Located<>(located.file(), located.path(), type.cast(located.value())));
            }
        }
        return found;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Located<Arc<?>>> arcs(LoadedProject project) {
        List<Located<Arc<?>>> arcs = new ArrayList<>();
        for (Located<Arc> arc : ofType(project, Arc.class)) {
            arcs.add(new Located<>(arc.file(), arc.path(), (Arc<?>) arc.value()));
        }
        return arcs;
    }

    private static void add(List<Located<Component>> all, LoadedFile file, ComponentKind kind,
                            List<? extends Component> components) {
        for (int i = 0; i < components.size(); i++) {
            all.add(new Located<>(file, FieldPath.of(kind.listField(), i), components.get(i)));
        }
    }
}
