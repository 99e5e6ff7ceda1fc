package io.clusterless.model.validate;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.Arc;
import io.clusterless.model.ArcTrigger;
import io.clusterless.model.Boundary;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A roll-up (ADR-0012): an arc's {@code lotUnit} must be covered exactly by each subscribed source's lots (a source
 * unit that divides it, so coarser or equal), where the files say the source's unit; {@code lateAfter} is a positive
 * ISO-8601 duration and only means something on a roll-up; a roll-up waits for every source, so {@code "any"} would
 * say something that does not happen.
 */
final class RollUpRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        Units units = new Units(project);
        for (Located<Arc<?>> located : Elements.arcs(project)) {
            Arc<?> arc = located.value();
            if (arc.getLateAfter() != null) {
                lateAfter(located, problems);
            }
            if (!arc.rollsUp()) {
                continue;
            }
            Optional<LotUnit> own = parse(arc.getLotUnit());
            if (own.isEmpty()) {
                continue; // LotUnitRule says why
            }
            if (!arc.readsCoveredLots()) {
                problems.add(located.problem("lotUnit", "arc " + arc.getName() + " of type " + arc.getType()
                        + " reads one source lot's manifest, so a roll-up would drop the other lots it covers; roll "
                        + "up with aws:core:lambdaExecArc, whose function gets every covered lot, or remove "
                        + "\"lotUnit\""));
            }
            if (arc.getTrigger() == ArcTrigger.any) {
                problems.add(located.problem("trigger", "arc " + arc.getName() + " rolls its sources up into "
                        + arc.getLotUnit() + " and waits for every covered lot of every subscribed source; remove "
                        + "\"trigger\": \"any\""));
            }
            arc.getSources().forEach((role, source) -> {
                if (!source.isSubscribe()) {
                    return;
                }
                units.of(source.id()).filter(unit -> !unit.divides(own.get())).ifPresent(unit ->
                        problems.add(located.problem("lotUnit", "lotUnit \"" + arc.getLotUnit() + "\" is not "
                                + "covered by whole lots of source '" + role + "' (" + source.id() + ", "
                                + unit.displayName() + "); use a unit its " + unit.displayName()
                                + " divide, such as Hours or Days")));
            });
        }
    }

    private static void lateAfter(Located<Arc<?>> located, List<Problem> problems) {
        Arc<?> arc = located.value();
        if (!arc.rollsUp()) {
            problems.add(located.problem("lateAfter", "lateAfter applies to a roll-up (an arc with its own "
                    + "\"lotUnit\"); arc " + arc.getName() + " keeps its sources' lots, so remove \"lateAfter\" or "
                    + "add \"lotUnit\""));
            return;
        }
        try {
            Duration late = Duration.parse(arc.getLateAfter());
            if (late.isNegative() || late.isZero()) {
                problems.add(located.problem("lateAfter", "lateAfter \"" + arc.getLateAfter() + "\" must be "
                        + "positive, e.g. PT2H"));
            }
        } catch (DateTimeParseException e) {
            problems.add(located.problem("lateAfter", "lateAfter \"" + arc.getLateAfter() + "\" is not an "
                    + "ISO-8601 duration; write e.g. PT2H or PT30M"));
        }
    }

    private static Optional<LotUnit> parse(String unit) {
        try {
            return Optional.of(LotUnit.parse(unit));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A dataset's lot unit as the files say: its boundary's, or its arc's own, or that arc's first source's. */
    private static final class Units {
        private final Map<String, String> boundaries = new HashMap<>();
        private final Map<String, Arc<?>> writers = new HashMap<>();

        Units(LoadedProject project) {
            for (Located<Boundary> boundary : Elements.ofType(project, Boundary.class)) {
                if (boundary.value().getDataset() != null) {
                    boundaries.putIfAbsent(boundary.value().getDataset().id(), boundary.value().getLotUnit());
                }
            }
            for (Located<Arc<?>> arc : Elements.arcs(project)) {
                arc.value().getSinks().values().forEach(sink -> writers.putIfAbsent(sink.id(), arc.value()));
            }
        }

        Optional<LotUnit> of(String datasetId) {
            return of(datasetId, new HashSet<>());
        }

        private Optional<LotUnit> of(String datasetId, Set<String> seen) {
            if (!seen.add(datasetId)) {
                return Optional.empty();
            }
            if (boundaries.containsKey(datasetId)) {
                return parse(boundaries.get(datasetId));
            }
            Arc<?> arc = writers.get(datasetId);
            if (arc == null) {
                return Optional.empty();
            }
            if (arc.rollsUp()) {
                return parse(arc.getLotUnit());
            }
            for (SourceDataset source : arc.getSources().values()) {
                if (source.isSubscribe()) {
                    Optional<LotUnit> unit = of(source.id(), seen);
                    if (unit.isPresent()) {
                        return unit;
                    }
                }
            }
            return Optional.empty();
        }
    }
}
