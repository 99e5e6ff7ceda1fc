package io.clusterless.model.validate;

import io.clusterless.model.Deployable;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Several files make one project only when they share project name, version and stage. */
final class SameProjectRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        if (project.files().size() < 2) {
            return;
        }
        LoadedFile first = project.files().get(0);
        compare(project, problems, first, FieldPath.of("project", "name"), "project name",
                d -> d.getProject().getName());
        compare(project, problems, first, FieldPath.of("project", "version"), "project version",
                d -> d.getProject().getVersion());
        compare(project, problems, first, FieldPath.of("placement", "stage"), "placement stage",
                d -> d.getPlacement().getStage());
    }

    private static void compare(LoadedProject project, List<Problem> problems, LoadedFile first, FieldPath path,
                                String what, Function<Deployable, String> value) {
        String expected = value.apply(first.deployable());
        for (LoadedFile file : project.files().subList(1, project.files().size())) {
            String actual = value.apply(file.deployable());
            if (!Objects.equals(expected, actual)) {
                problems.add(file.problem(path, "all project files must have the same " + what + ": "
                        + first.display() + " has " + quote(expected) + ", this file has " + quote(actual)));
            }
        }
    }

    private static String quote(String value) {
        return value == null ? "none" : "\"" + value + "\"";
    }
}
