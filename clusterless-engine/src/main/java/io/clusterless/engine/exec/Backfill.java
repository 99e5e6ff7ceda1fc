package io.clusterless.engine.exec;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.arc.ScheduleFloor;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.plan.ScheduleTicks;
import io.clusterless.engine.status.ArcLots;
import io.clusterless.engine.status.CoveredLots;
import io.clusterless.engine.status.DatasetLot;
import io.clusterless.engine.status.DatasetLots;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ManifestURI;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The lots of a window that {@code cls exec} runs for one arc: every lot whose subscribed sources all have a final
 * ({@code complete} or {@code empty}) manifest and whose arc state is not {@code complete}; with {@code replay},
 * complete lots too ({@link Replay} reopens them before they run). Reads key listings only (one scan of the arc's
 * states and one per subscribed source), the same as the status reports.
 */
public final class Backfill {
    private Backfill() {
    }

    /** @throws IllegalArgumentException when a subscribed source's owner is not in the plan */
    public static List<BackfillLot> select(PlacementPlan plan, ObjectStore store, ProjectPlan project, ArcPlan arc,
                                           LotRange window) {
        return select(plan, store, project, arc, window, false);
    }

    /** @throws IllegalArgumentException when a subscribed source's owner is not in the plan */
    public static List<BackfillLot> select(PlacementPlan plan, ObjectStore store, ProjectPlan project, ArcPlan arc,
                                           LotRange window, boolean replay) {
        return select(plan, store, project, arc, window, replay, Instant.now());
    }

    /**
     * As {@link #select(PlacementPlan, ObjectStore, ProjectPlan, ArcPlan, LotRange, boolean)}; a roll-up's lot past
     * its lateAfter deadline at {@code now} that holds some covered source lots is selected as a late tick.
     */
    public static List<BackfillLot> select(PlacementPlan plan, ObjectStore store, ProjectPlan project, ArcPlan arc,
                                           LotRange window, boolean replay, Instant now) {
        if (arc.gateProps().rollsUp()) {
            return rollUp(plan, store, project, arc, window, replay, false, now);
        }
        return scan(plan, store, project, arc, window, replay, false, now);
    }

    /**
     * The lots of a join (ADR-0011) that {@code exec} would not run because some subscribed sources hold them and
     * others do not yet, each naming the source lots it waits for ({@code --dry-run} shows them). Empty for arcs
     * that do not join.
     */
    public static List<BackfillLot> waiting(PlacementPlan plan, ObjectStore store, ProjectPlan project, ArcPlan arc,
                                            LotRange window, boolean replay) {
        return arc.gateProps().joins() || arc.gateProps().rollsUp()
                ? scan(plan, store, project, arc, window, replay, true, Instant.now()) : List.of();
    }

    private static List<BackfillLot> scan(PlacementPlan plan, ObjectStore store, ProjectPlan project, ArcPlan arc,
                                          LotRange window, boolean replay, boolean waiting, Instant now) {
        if (arc.gateProps().rollsUp()) {
            return rollUp(plan, store, project, arc, window, replay, waiting, now);
        }
        Optional<ArcSchedule> schedule = arc.schedule();
        if (schedule.isPresent()) {
            SortedMap<LotId, ArcState> ticked = ArcLots.scan(store, arc.gateProps().arcStateURI(), window);
            Instant anchor = new ScheduleFloor(store, arc.gateProps().arcStateURI()).recorded().orElse(Instant.EPOCH);
            return waiting ? List.of() : ticks(project, arc, schedule.get(), window, ticked, replay, anchor, now);
        }
        SortedMap<LotId, ArcState> states = ArcLots.scan(store, arc.gateProps().arcStateURI(), window);
        Map<SourceDataset, SortedMap<LotId, DatasetLot>> sources = new LinkedHashMap<>();
        for (SourceDataset source : arc.model().getSources().values()) {
            if (source.isSubscribe()) {
                sources.put(source, DatasetLots.scan(store, ManifestURI.of(plan.placement().manifestBucket(), source),
                        window));
            }
        }
        String projectId = project.names().project() + "/" + project.names().version();
        List<BackfillLot> lots = new ArrayList<>();
        for (LotId lot : window) {
            ArcState state = states.get(lot);
            if ((state == ArcState.complete && !replay) || sources.isEmpty()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (Map.Entry<SourceDataset, SortedMap<LotId, DatasetLot>> source : sources.entrySet()) {
                DatasetLot upstream = source.getValue().get(lot);
                if (upstream == null || !isFinal(upstream.state())) {
                    missing.add(ArcStartGate.sourceLot(source.getKey(), lot.format()));
                }
            }
            if (waiting) {
                if (!missing.isEmpty() && missing.size() < sources.size()) {
                    lots.add(new BackfillLot(projectId, arc.name(), lot.format(), state == null ? null : state.name(),
                            "a join: waits for " + String.join(", ", missing), null, missing));
                }
                continue;
            }
            if (!missing.isEmpty()) {
                continue; // not fillable: an upstream lot is missing; gaps says why
            }
            // the first subscribed source's lot stands for the event the listener would have delivered
            Map.Entry<SourceDataset, SortedMap<LotId, DatasetLot>> first = sources.entrySet().iterator().next();
            ArcNotifyEvent event = notification(plan, first.getKey(), lot, first.getValue().get(lot).state());
            String reason = state == null ? "the upstream manifest is there and the arc never ran the lot"
                    : state == ArcState.complete ? "complete; replayed: its sink manifests are kept as superseded "
                    + "attempts and the run writes new current ones"
                    : state == ArcState.running ? "a run is recorded as running; the start gate runs the lot again "
                    + "only if that run overran the arc's timeout"
                    : "the last run ended " + state;
            lots.add(new BackfillLot(projectId, arc.name(), lot.format(), state == null ? null : state.name(), reason,
                    event));
        }
        return lots;
    }

    /**
     * A scheduled arc's lots (ADR-0013): the lot of every tick in the window that did not complete, whatever its
     * sources hold (a tick does not wait for them). The event names only the lot: it stands for the tick at the
     * lot's end ({@link io.clusterless.engine.arc.ScheduleTick#of}), which runs exactly that lot.
     */
    private static List<BackfillLot> ticks(ProjectPlan project, ArcPlan arc, ArcSchedule schedule, LotRange window,
                                           SortedMap<LotId, ArcState> states, boolean replay, Instant anchor,
                                           Instant now) {
        String projectId = project.names().project() + "/" + project.names().version();
        List<BackfillLot> lots = new ArrayList<>();
        for (LotId lot : ScheduleTicks.lotsIn(schedule, window, anchor, now)) {
            ArcState state = states.get(lot);
            if (state == ArcState.complete && !replay) {
                continue;
            }
            String reason = state == null ? "a tick of schedule " + schedule.expression().text() + " that never ran"
                    : state == ArcState.complete ? "complete; replayed: its sink manifests are kept as superseded "
                    + "attempts and the run writes new current ones"
                    : state == ArcState.running ? "a run is recorded as running; the start gate runs the lot again "
                    + "only if that run overran the arc's timeout"
                    : "the last run ended " + state;
            lots.add(new BackfillLot(projectId, arc.name(), lot.format(), state == null ? null : state.name(), reason,
                    new ArcNotifyEvent(null, lot.format(), null)));
        }
        return lots;
    }

    /**
     * A roll-up's lots (ADR-0012), the window in its own unit: fillable once every covered source lot is there, the
     * event being the last covered lot of its first source, or past its lateAfter deadline with some there, as a
     * late tick; waiting while some but not all are there before the deadline. A lot that no covered source lot is
     * in is neither (gaps says what upstream misses).
     */
    private static List<BackfillLot> rollUp(PlacementPlan plan, ObjectStore store, ProjectPlan project, ArcPlan arc,
                                            LotRange window, boolean replay, boolean waiting, Instant now) {
        LotRange own = CoveredLots.rescale(window, arc.gateProps().rollUp().lotUnit());
        SortedMap<LotId, ArcState> states = ArcLots.scan(store, arc.gateProps().arcStateURI(), own);
        String projectId = project.names().project() + "/" + project.names().version();
        List<BackfillLot> lots = new ArrayList<>();
        for (CoveredLots.Lot covered : CoveredLots.scan(store, plan.placement().manifestBucket(), arc, own).values()) {
            LotId lot = covered.lot();
            ArcState state = states.get(lot);
            if (state == ArcState.complete && !replay) {
                continue;
            }
            Optional<Instant> deadline = arc.gateProps().rollUp().deadline(lot).filter(at -> !now.isBefore(at));
            boolean late = !covered.complete() && covered.holdsAny() && deadline.isPresent();
            if (waiting) {
                if (!covered.complete() && covered.holdsAny() && state == null && !late) {
                    lots.add(new BackfillLot(projectId, arc.name(), lot.format(), null, "a roll-up: waits for "
                            + String.join(", ", covered.missing()), null, covered.missing()));
                }
                continue;
            }
            if (late) {
                lots.add(new BackfillLot(projectId, arc.name(), lot.format(), state == null ? null : state.name(),
                        "a roll-up past its lateAfter deadline " + deadline.get() + ": starts with the source lots "
                                + "there are, without " + covered.missing().size(), null, null,
                        deadline.get().toString()));
                continue;
            }
            if (!covered.complete()) {
                continue;
            }
            Map.Entry<String, List<DatasetLot>> first = covered.held().entrySet().iterator().next();
            DatasetLot last = first.getValue().get(first.getValue().size() - 1);
            ArcNotifyEvent event = notification(plan, arc.model().getSources().get(first.getKey()), last.lot(),
                    last.state());
            String reason = state == null ? "every source lot the roll-up's lot covers is there and the arc never "
                    + "ran the lot"
                    : state == ArcState.complete ? "complete; replayed: its sink manifests are kept as superseded "
                    + "attempts and the run writes new current ones"
                    : state == ArcState.running ? "a run is recorded as running; the start gate runs the lot again "
                    + "only if that run overran the arc's timeout"
                    : "the last run ended " + state;
            lots.add(new BackfillLot(projectId, arc.name(), lot.format(), state == null ? null : state.name(), reason,
                    event));
        }
        return lots;
    }

    private static boolean isFinal(ManifestState state) {
        return state == ManifestState.complete || state == ManifestState.empty;
    }

    private static ArcNotifyEvent notification(PlacementPlan plan, SourceDataset source, LotId lot,
                                               ManifestState state) {
        // the notification carries the owner's location, which the workload reads the lot's objects from
        SinkDataset owner = plan.owner(source.id()).orElseThrow(() -> new IllegalArgumentException("dataset "
                + source.id() + " is written by no boundary or arc of the given project files; add the file of "
                + "the project that writes it with another -p"));
        ManifestURI manifest = ManifestURI.of(plan.placement().manifestBucket(), source).withLot(lot).withState(state);
        return new ArcNotifyEvent(owner, lot.format(), manifest.identifier());
    }
}
