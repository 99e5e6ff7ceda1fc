package io.clusterless.model.validate;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.Arc;
import io.clusterless.model.ArcSchedule;
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
            if (arc.getSchedule() != null) {
                scheduled(located, units, problems);
                continue;
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
                        + "up with aws:core:lambdaExecArc or aws:core:batchExecArc, which get every covered lot, or "
                        + "remove \"lotUnit\""));
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

    /**
     * A scheduled arc whose tick lots are coarser than some source's lots is a scheduled roll-up (ADR-0012): each
     * tick's lot covers the source lots inside it, so every source unit the files know must divide the tick's, and
     * its type must read every covered lot.
     */
    private static void scheduled(Located<Arc<?>> located, Units units, List<Problem> problems) {
        Arc<?> arc = located.value();
        Optional<LotUnit> tick = tickUnit(arc);
        if (tick.isEmpty()) {
            return; // ScheduleRule or LotUnitRule says why
        }
        String field = arc.getLotUnit() != null ? "lotUnit" : "schedule";
        boolean coarser = false;
        for (Map.Entry<String, SourceDataset> entry : arc.getSources().entrySet()) {
            Optional<LotUnit> unit = units.of(entry.getValue().id());
            if (unit.isEmpty()) {
                continue;
            }
            if (!unit.get().divides(tick.get())) {
                problems.add(located.problem(field, "each tick of arc " + arc.getName() + " runs a "
                        + tick.get().displayName() + " lot, which is not covered by whole lots of source '"
                        + entry.getKey() + "' (" + entry.getValue().id() + ", " + unit.get().displayName()
                        + "); tick a unit its " + unit.get().displayName() + " divide (\"lotUnit\": \"Hours\" or "
                        + "\"Days\")"));
            } else if (unit.get() != tick.get()) {
                coarser = true;
            }
        }
        if (coarser && !arc.readsCoveredLots()) {
            problems.add(located.problem(field, "arc " + arc.getName() + " of type " + arc.getType() + " ticks "
                    + tick.get().displayName() + " lots over finer source lots, but reads one source lot's "
                    + "manifest, so it would drop the other lots each tick covers; use aws:core:lambdaExecArc or "
                    + "aws:core:batchExecArc, or tick the sources' unit"));
        }
    }

    /** The unit of the lots a scheduled arc's ticks run; empty when the schedule or unit is invalid. */
    private static Optional<LotUnit> tickUnit(Arc<?> arc) {
        try {
            return ArcSchedule.of(arc).map(ArcSchedule::lotUnit);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void lateAfter(Located<Arc<?>> located, List<Problem> problems) {
        Arc<?> arc = located.value();
        if (arc.getSchedule() != null) {
            problems.add(located.problem("lateAfter", "arc " + arc.getName() + " runs each lot at its schedule's tick "
                    + "with the source lots there are, so nothing waits for a deadline; remove \"lateAfter\""));
            return;
        }
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
            if (arc.getSchedule() != null) { // each tick runs a lot of the schedule's unit (ADR-0013)
                return tickUnit(arc);
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
