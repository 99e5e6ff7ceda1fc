package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.naming.Label;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Component names are unique within their list across the project's files. Names are compared as they appear in
 * physical names (hyphenated), so "copyA" and "copy-a" collide.
 */
final class UniqueNamesRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        Map<String, Located<Component>> seen = new HashMap<>();
        for (Located<Component> located : Elements.components(project)) {
            String name = located.value().getName();
            if (name.isBlank()) {
                problems.add(located.problem("name", "name must not be blank"));
                continue;
            }
            String list = located.path().parent().toString();
            String key = list + "/" + Label.of(name).hyphenated();
            Located<Component> previous = seen.putIfAbsent(key, located);
            if (previous != null) {
                problems.add(located.problem("name", "duplicate name \"" + name + "\" in " + list + ", also used by "
                        + previous.describe(previous.value().getName()) + "; names must be unique within " + list
                        + " once hyphenated as in physical names (copyA and copy-a are the same)"));
            }
        }
    }
}
