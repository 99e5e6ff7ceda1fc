package io.clusterless.model.validate;

import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every dataset has exactly one owner (a boundary dataset or an arc sink) and every arc source is owned by
 * someone: in the loaded files or, when a later step can look it up, in the placement's metadata.
 */
final class OwnershipRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        Map<String, List<Owner>> owners = new LinkedHashMap<>();
        for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
            SinkDataset dataset = boundary.value().getDataset();
            owners.computeIfAbsent(dataset.id(), id -> new ArrayList<>())
                    .add(new Owner(boundary, boundary.value().getName(), new Object[]{"dataset"}));
        }
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            for (Map.Entry<String, SinkDataset> sink : arc.value().getSinks().entrySet()) {
                owners.computeIfAbsent(sink.getValue().id(), id -> new ArrayList<>())
                        .add(new Owner(arc, arc.value().getName(), new Object[]{"sinks", sink.getKey()}));
            }
        }
        owners.forEach((id, list) -> {
            if (list.size() > 1) {
                String all = list.stream().map(o -> o.located.path() + " (" + o.name + ")")
                        .collect(Collectors.joining(", ", "[", "]"));
                for (Owner owner : list.subList(1, list.size())) {
                    problems.add(owner.located.problemAt("dataset " + id + " is owned by multiple components: " + all
                            + "; give each producer its own dataset name or version", owner.segments));
                }
            }
        });
        for (Located<Arc<?>> arc : Elements.arcs(project)) {
            // a scheduled arc starts on its ticks, so it may read nothing: a nightly report (ADR-0013)
            if (arc.value().getSources().isEmpty() && arc.value().getSchedule() == null) {
                problems.add(arc.problem("sources", "an arc needs at least one source dataset, or a \"schedule\" "
                        + "to start it"));
            }
            if (arc.value().getSinks().isEmpty()) {
                problems.add(arc.problem("sinks", "an arc needs at least one sink dataset"));
            }
            for (Map.Entry<String, SourceDataset> source : arc.value().getSources().entrySet()) {
                String id = source.getValue().id();
                if (!owners.containsKey(id) && !options.ownersElsewhere()) {
                    problems.add(arc.problemAt("dataset owner not found: " + id + "; no boundary dataset or arc sink "
                            + "in the given files produces it (check name and version, or add the owning project "
                            + "file with another -p)", "sources", source.getKey()));
                }
                for (Map.Entry<String, SinkDataset> sink : arc.value().getSinks().entrySet()) {
                    if (sink.getValue().id().equals(id)) {
                        problems.add(arc.problemAt("arc reads and writes the same dataset " + id
                                + "; give the sink a new name or version", "sinks", sink.getKey()));
                    }
                }
            }
        }
    }

    private record Owner(Located<?> located, String name, Object[] segments) {
    }
}
