package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Component;
import io.clusterless.model.DatasetRef;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;
import java.util.Map;

/**
 * Every declared name that synth or local run turns into a physical name, a key segment or a folder holds only the
 * characters all of those accept ({@link Names}), so neither refuses (or escapes its root) after validate passed:
 * component names and dataset names and versions here; names only one type declares (a Glue table's tableName) in
 * that type's rules.
 */
final class NameRule implements Rule {
    private static final Map<String, String> KINDS = Map.of("resources", "resource", "activities", "activity",
            "boundaries", "boundary", "arcs", "arc");

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<Component> located : Elements.components(project)) {
            String kind = KINDS.getOrDefault(located.path().parent().toString(), "component");
            String name = located.value().getName();
            if (name != null && !name.isBlank()) { // UniqueNamesRule reports blank names
                add(problems, located, Names.componentProblem(kind, name), "name");
            }
        }
        for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
            dataset(problems, boundary, boundary.value().getDataset(), "dataset");
        }
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            for (Map.Entry<String, SourceDataset> source : arc.value().getSources().entrySet()) {
                dataset(problems, arc, source.getValue(), "sources", source.getKey());
            }
            for (Map.Entry<String, SinkDataset> sink : arc.value().getSinks().entrySet()) {
                dataset(problems, arc, sink.getValue(), "sinks", sink.getKey());
            }
        }
    }

    private static void dataset(List<Problem> problems, Located<?> owner, DatasetRef dataset, Object... path) {
        if (dataset == null) {
            return;
        }
        add(problems, owner, Names.segmentProblem("dataset name", dataset.getName()), append(path, "name"));
        add(problems, owner, Names.segmentProblem("dataset version", dataset.getVersion()), append(path, "version"));
    }

    private static void add(List<Problem> problems, Located<?> located, String problem, Object... path) {
        if (problem != null) {
            problems.add(located.problemAt(problem, path));
        }
    }

    private static Object[] append(Object[] path, String field) {
        Object[] longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = field;
        return longer;
    }
}
