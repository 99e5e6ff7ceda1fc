package io.clusterless.engine.status;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcGateProps;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.arc.ArcStateEntry;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.ScheduleFloor;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.DatasetUnits;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.plan.ScheduleTicks;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.ArcSchedule;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ManifestURI;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Finds every lot of a window that is not complete, for arcs and datasets, and explains it by walking upstream
 * through the placement's lineage: the boundary or arc that produces each dataset, down to the first lot that has
 * no manifest. Reads key listings once per arc and dataset for the whole window; reads a state object's body only
 * for lots that failed or are running, to report the recorded error or the start time.
 */
public final class GapFinder {
    private final PlacementPlan plan;
    private final ObjectStore store;
    private final ListenerHistory listeners;
    private final Clock clock;
    private final LotRange window;
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    private final Map<String, SortedMap<LotId, DatasetLot>> datasetLots = new HashMap<>();
    private final Map<ArcPlan, SortedMap<LotId, ArcState>> arcLots = new HashMap<>();
    private final Map<String, Explanation> explained = new HashMap<>();
    private final DeadLetteredEvents deadLettered;
    private final Map<ArcPlan, SortedMap<LotId, CoveredLots.Lot>> coveredLots = new HashMap<>();
    private final DatasetUnits units;

    /** The boundary or arc that writes a dataset's manifests. */
    private record Producer(ProjectPlan project, BoundaryPlan boundary, ArcPlan arc) {
    }

    /** A cause with its particulars, before it is attached to a subject. */
    private record Explanation(GapCause cause, String upstream, String detail, String since, Boolean stale,
                               String error, List<String> waitingFor) {
        Explanation(GapCause cause, String upstream, String detail, String since, Boolean stale, String error) {
            this(cause, upstream, detail, since, stale, error, null);
        }

        static Explanation of(GapCause cause, String upstream, String detail) {
            return new Explanation(cause, upstream, detail, null, null, null);
        }

        Explanation waitingFor(List<String> sourceLots) {
            return new Explanation(cause, upstream, detail, since, stale, error, sourceLots);
        }
    }

    public GapFinder(PlacementPlan plan, ObjectStore store, ListenerHistory listeners, Clock clock, LotRange window) {
        this(plan, store, listeners, clock, window, DeadLetters.NONE);
    }

    /** @param deadLetters where the placement's dead-letter queues are peeked, for {@link GapCause#deadLettered} */
    public GapFinder(PlacementPlan plan, ObjectStore store, ListenerHistory listeners, Clock clock, LotRange window,
                     DeadLetters deadLetters) {
        this.deadLettered = new DeadLetteredEvents(deadLetters, store);
        this.plan = plan;
        this.store = store;
        this.listeners = listeners;
        this.clock = clock;
        this.window = window;
        this.units = new DatasetUnits(plan);
        for (ProjectPlan project : plan.projects()) {
            for (BoundaryPlan boundary : project.boundaries()) {
                producers.putIfAbsent(boundary.props().dataset().id(), new Producer(project, boundary, null));
            }
            for (ArcPlan arc : project.arcs()) {
                arc.model().getSinks().values().forEach(sink -> producers.putIfAbsent(sink.id(),
                        new Producer(project, null, arc)));
            }
        }
    }

    /**
     * Every lot of the window (in the arc's own unit) the arc has not completed, lot by lot, and each roll-up lot its
     * {@code lateAfter} started without some source lots.
     */
    public List<Gap> arcGaps(ProjectPlan project, ArcPlan arc) {
        List<Gap> gaps = new ArrayList<>();
        SortedMap<LotId, ArcState> states = arcLots(arc);
        Optional<ArcSchedule> schedule = arc.schedule();
        if (schedule.isPresent()) {
            return tickGaps(project, arc, schedule.get(), states);
        }
        for (LotId lot : window(units.ofArc(arc))) {
            ArcState state = states.get(lot);
            if (state == ArcState.complete) {
                lateStart(project, arc, lot).ifPresent(gaps::add);
                continue;
            }
            Explanation why = explainArcLot(project, arc, lot, state);
            gaps.add(new Gap(Gap.ARC, projectId(project), arc.name(), lot.format(), why.cause(), why.upstream(),
                    why.detail(), why.since(), why.stale(), why.error(), why.waitingFor()));
        }
        return gaps;
    }

    /**
     * A scheduled arc (ADR-0013): the lots of the window that a tick since the schedule's floor (until now) ran or
     * should have run, and did not complete. Lots no tick runs are no gaps; nor are lots whose tick has not come.
     */
    private List<Gap> tickGaps(ProjectPlan project, ArcPlan arc, ArcSchedule schedule,
                               SortedMap<LotId, ArcState> states) {
        List<Gap> gaps = new ArrayList<>();
        LotRange window = window(Optional.of(schedule.lotUnit()));
        Optional<Instant> floor = new ScheduleFloor(store, arc.gateProps().arcStateURI()).recorded();
        if (floor.isEmpty() || window.isEmpty() || window.unit() != schedule.lotUnit()) {
            return gaps; // never placed or fired: no tick came yet
        }
        Instant from = floor.get().isAfter(window.start().start()) ? floor.get() : window.start().start();
        Instant until = window.endExclusive().end().isBefore(clock.instant()) ? window.endExclusive().end()
                : clock.instant();
        Set<LotId> seen = new HashSet<>();
        for (Instant tick : ScheduleTicks.between(schedule, floor.get(), from, until)) {
            LotId lot = ScheduleTicks.lotOf(schedule, tick);
            if (!window.contains(lot) || !seen.add(lot)) {
                continue;
            }
            if (states.get(lot) == ArcState.complete) {
                lateStart(project, arc, lot).ifPresent(gaps::add); // a scheduled roll-up's tick without some lots
                continue;
            }
            ArcState state = states.get(lot);
            Explanation why = state != null ? explainArcLot(project, arc, lot, state)
                    : listeners.disabledAt(projectId(project), arc.name(), tick)
                    ? Explanation.of(GapCause.disabled, null, "the arc was disabled at the tick of " + tick
                    + " (schedule " + schedule.expression().text() + "); cls exec runs the lot")
                    : deadLettered.arcLot(project, arc, lot)
                    .map(detail -> Explanation.of(GapCause.deadLettered, "lot " + lot.format(), detail))
                    .orElse(Explanation.of(GapCause.missedTick, null, "the tick of " + tick + " (schedule "
                            + schedule.expression().text() + ") did not run the lot; cls exec runs it"));
            gaps.add(new Gap(Gap.ARC, projectId(project), arc.name(), lot.format(), why.cause(), why.upstream(),
                    why.detail(), why.since(), why.stale(), why.error(), why.waitingFor()));
        }
        return gaps;
    }

    /** Every lot of the window whose manifest is not {@code complete}, or that has late arrivals. */
    public List<Gap> datasetGaps(String datasetId) {
        List<Gap> gaps = new ArrayList<>();
        SortedMap<LotId, DatasetLot> lots = datasetLots(datasetId);
        for (LotId lot : window(units.ofDataset(datasetId))) {
            DatasetLot found = lots.get(lot);
            Explanation why;
            if (found != null && found.state() == ManifestState.complete) {
                if (found.lateArrivals() == 0) {
                    continue;
                }
                why = Explanation.of(GapCause.lateArrivals, null, found.lateArrivals() + " object(s) arrived after "
                        + "the manifest was written" + (found.written() == null ? "" : " at " + found.written())
                        + "; the manifest does not list them");
            } else if (found != null && found.state() == ManifestState.empty) {
                why = explainEmpty(datasetId, lot);
            } else {
                why = explainMissingDataset(datasetId, lot);
            }
            gaps.add(new Gap(Gap.DATASET, null, datasetId, lot.format(), why.cause(), why.upstream(), why.detail(),
                    why.since(), why.stale(), why.error(), why.waitingFor()));
        }
        return gaps;
    }

    private Explanation explainArcLot(ProjectPlan project, ArcPlan arc, LotId lot, ArcState state) {
        if (state == ArcState.running) {
            ArcStateEntry last = lastTransition(arc, lot);
            Instant since = last == null || last.time() == null ? null : Instant.parse(last.time());
            boolean stale = since != null && since.plus(arc.gateProps().runningTimeout()).isBefore(clock.instant());
            return new Explanation(GapCause.running, null, stale
                    ? "running since " + since + ", longer than the arc's timeout " + arc.gateProps().runningTimeout()
                    + ": the next event or cls exec runs it again"
                    : "running" + (since == null ? "" : " since " + since), since == null ? null : since.toString(),
                    stale, null);
        }
        if (state == ArcState.missing || state == ArcState.partial) {
            ArcStateEntry last = lastTransition(arc, lot);
            String error = last == null || last.error() == null ? null
                    : last.error() + (last.cause() == null ? "" : ": " + last.cause());
            String note = last == null ? null : last.note();
            return new Explanation(GapCause.failed, null, "the run ended " + state
                    + (last != null && last.time() != null ? " at " + last.time() : "")
                    + (note != null ? " (" + note + ")" : ""), null, null, error);
        }
        return explainNotRun(project, arc, lot);
    }

    /** The arc has no state for the lot: look at its subscribed sources. */
    private Explanation explainNotRun(ProjectPlan project, ArcPlan arc, LotId lot) {
        String key = projectId(project) + " " + arc.name() + " " + lot.format();
        Explanation known = explained.get(key);
        if (known != null) {
            return known;
        }
        if (arc.gateProps().rollsUp()) {
            Explanation rolled = explainRollUpNotRun(project, arc, lot);
            explained.put(key, rolled);
            return rolled;
        }
        DatasetLot announced = null;
        Explanation result = null;
        List<String> waitingFor = waitingFor(arc, lot);
        if (!waitingFor.isEmpty() && waitingFor.size() < arc.gateProps().barrier().size()) {
            result = new Explanation(GapCause.waiting, String.join(", ", waitingFor), "a join: the lot starts "
                    + "once every source holds it; waiting for " + String.join(", ", waitingFor), null, null, null,
                    waitingFor);
            explained.put(key, result);
            return result;
        }
        for (SourceDataset source : arc.model().getSources().values()) {
            if (!source.isSubscribe()) {
                continue;
            }
            String sourceId = source.id();
            DatasetLot upstream = datasetLots(sourceId).get(lot);
            if (upstream == null || upstream.state() == ManifestState.partial
                    || upstream.state() == ManifestState.removed) {
                Explanation root = explainMissingDataset(sourceId, lot);
                // the boundary's own causes stay what they are one hop downstream: nothing arrived, or its event
                // waits in a dead-letter queue
                boolean boundaryCause = root.cause() == GapCause.noUpstreamData
                        || root.cause() == GapCause.deadLettered;
                GapCause cause = boundaryCause && upstream == null && isBoundaryDataset(sourceId) ? root.cause()
                        : GapCause.upstreamMissing;
                result = new Explanation(cause, "dataset " + sourceId + " lot " + lot.format(),
                        "dataset " + sourceId + " has no complete manifest for the lot: " + root.detail(), null, null,
                        root.error());
                break;
            }
            announced = announced == null ? upstream : announced;
        }
        if (result != null && !waitingFor.isEmpty()) {
            result = result.waitingFor(waitingFor);
        }
        if (result == null) {
            result = deadLettered.arcLot(project, arc, lot)
                    .map(detail -> Explanation.of(GapCause.deadLettered, "lot " + lot.format(), detail))
                    .orElse(null);
        }
        if (result == null) {
            Instant written = announced == null ? null : announced.written();
            String upstreamName = announced == null ? null : "lot " + lot.format();
            if (written != null && listeners.disabledAt(projectId(project), arc.name(), written)) {
                result = Explanation.of(GapCause.disabled, upstreamName, "the listener was disabled when the "
                        + "upstream manifest was written at " + written + "; cls exec runs the lot");
            } else {
                result = Explanation.of(GapCause.neverRan, upstreamName, "the upstream manifest is there"
                        + (written == null ? "" : " (written " + written + ")")
                        + " but the arc never ran; cls exec runs the lot");
            }
        }
        explained.put(key, result);
        return result;
    }

    /**
     * A roll-up's lot that never started (ADR-0012): waiting while some covered source lots are missing (each named),
     * the first missing one's upstream cause when none is there at all, else never ran.
     */
    private Explanation explainRollUpNotRun(ProjectPlan project, ArcPlan arc, LotId lot) {
        CoveredLots.Lot covered = coveredLots(arc).get(lot);
        if (covered != null && !covered.complete()) {
            ArcGateProps.RollUp rollUp = arc.gateProps().rollUp();
            String deadline = rollUp.deadline(lot).map(at -> "; it starts at its lateAfter deadline " + at
                    + " with what is there").orElse("");
            String detail = "a roll-up: the lot starts once every source lot it covers is there; waiting for "
                    + covered.missing().size() + " of them" + (covered.holdsAny() ? deadline
                    : " (none is there, so no deadline starts it)");
            return new Explanation(GapCause.waiting, covered.missing().get(0), detail, null, null, null,
                    covered.missing());
        }
        Optional<String> lost = deadLettered.arcLot(project, arc, lot);
        if (lost.isPresent()) {
            return Explanation.of(GapCause.deadLettered, "lot " + lot.format(), lost.get());
        }
        return Explanation.of(GapCause.neverRan, "lot " + lot.format(), "every source lot the roll-up's lot covers is "
                + "there but the arc never ran; cls exec runs the lot");
    }

    /**
     * A complete roll-up lot whose last run started late, or a scheduled roll-up's whose tick ran it without some
     * covered lots (ADR-0012), naming the source lots it ran without.
     */
    private Optional<Gap> lateStart(ProjectPlan project, ArcPlan arc, LotId lot) {
        boolean ticked = arc.gateProps().tickRollUp() != null;
        if (!ticked && (!arc.gateProps().rollsUp() || arc.gateProps().rollUp().lateAfter() == null)) {
            return Optional.empty();
        }
        return new ArcStateStore(store, arc.gateProps().arcStateURI(), clock).lastStart(lot.format())
                .filter(start -> !start.late().isEmpty())
                .map(start -> new Gap(Gap.ARC, projectId(project), arc.name(), lot.format(), GapCause.late, null,
                        (ticked ? "a scheduled roll-up's tick ran the lot" : "a roll-up started at its lateAfter "
                                + "deadline (" + arc.gateProps().rollUp().lateAfter() + ")")
                                + " without " + start.late().size() + " source lot(s); cls exec --replay --arc "
                                + arc.name() + " --lot " + lot.format() + " runs it again with what is there now",
                        start.time(), null, null, null, start.late()));
    }

    /** The window in {@code unit} (the subject's own lots); the window itself when the unit is not known. */
    private LotRange window(Optional<LotUnit> unit) {
        return unit.map(u -> CoveredLots.rescale(window, u)).orElse(window);
    }

    private SortedMap<LotId, CoveredLots.Lot> coveredLots(ArcPlan arc) {
        return coveredLots.computeIfAbsent(arc, a -> CoveredLots.scan(store, plan.placement().manifestBucket(), a,
                window(units.ofArc(a))));
    }

    /** A dataset's lot has no complete manifest: ask its producer why. */
    private Explanation explainMissingDataset(String datasetId, LotId lot) {
        Producer producer = producers.get(datasetId);
        if (producer == null) {
            return Explanation.of(GapCause.upstreamMissing, "dataset " + datasetId + " lot " + lot.format(),
                    "no manifest, and its producer is not among the loaded project files");
        }
        if (producer.boundary() != null) {
            Optional<String> lost = deadLettered.boundaryLot(producer.project(), producer.boundary(), lot);
            if (lost.isPresent()) {
                return Explanation.of(GapCause.deadLettered, null, "boundary "
                        + producer.boundary().model().getName() + ": " + lost.get());
            }
            return Explanation.of(GapCause.noUpstreamData, null, "boundary " + producer.boundary().model().getName()
                    + " wrote no manifest for the lot: no object arrived");
        }
        ArcPlan arc = producer.arc();
        ArcState state = arcLots(arc).get(lot);
        if (state == ArcState.complete) {
            if (hasSuperseded(datasetId, lot)) {
                return Explanation.of(GapCause.failed, null, "arc " + arc.name() + ": a replay of the lot was "
                        + "interrupted after it kept the lot's manifest of " + datasetId + " as superseded; run cls "
                        + "exec --replay --arc " + arc.name() + " --lot " + lot.format() + " to finish it");
            }
            return Explanation.of(GapCause.upstreamMissing, null, "arc " + arc.name() + " completed the lot but "
                    + "wrote no manifest for " + datasetId + " (its sink may not publish)");
        }
        Explanation why = explainArcLot(producer.project(), arc, lot, state);
        String by = "arc " + arc.name() + ": ";
        return new Explanation(why.cause(), why.upstream(), by + why.detail(), why.since(), why.stale(), why.error(),
                why.waitingFor());
    }

    private Explanation explainEmpty(String datasetId, LotId lot) {
        Producer producer = producers.get(datasetId);
        if (producer == null || producer.boundary() != null) {
            return Explanation.of(GapCause.noUpstreamData, null, "the lot is empty: no object arrived in it");
        }
        return Explanation.of(GapCause.upstreamEmpty, null, "the lot is empty because arc " + producer.arc().name()
                + "'s upstream lot was empty");
    }

    /** A join's source lots without a {@code complete} or {@code empty} manifest; empty for other arcs. */
    private List<String> waitingFor(ArcPlan arc, LotId lot) {
        List<String> missing = new ArrayList<>();
        arc.gateProps().barrier().keySet().forEach(role -> {
            SourceDataset source = arc.model().getSources().get(role);
            DatasetLot found = datasetLots(source.id()).get(lot);
            if (found == null || (found.state() != ManifestState.complete && found.state() != ManifestState.empty)) {
                missing.add(ArcStartGate.sourceLot(source, lot.format()));
            }
        });
        return missing;
    }

    private boolean isBoundaryDataset(String datasetId) {
        Producer producer = producers.get(datasetId);
        return producer != null && producer.boundary() != null;
    }

    private ArcStateEntry lastTransition(ArcPlan arc, LotId lot) {
        return new ArcStateStore(store, arc.gateProps().arcStateURI(), clock).lastTransition(lot.format())
                .orElse(null);
    }

    /** The dataset's lots in the window, scanned once and kept: reports that show them too ask here. */
    public SortedMap<LotId, DatasetLot> datasetLots(String datasetId) {
        return datasetLots.computeIfAbsent(datasetId, id -> DatasetLots.scan(store, manifests(id),
                window(units.ofDataset(id))));
    }

    private ManifestURI manifests(String datasetId) {
        return ManifestURI.ofDatasetId(plan.placement().manifestBucket(), datasetId);
    }

    /** Whether the lot has a final manifest a replay kept as superseded: one listing, only for such odd lots. */
    private boolean hasSuperseded(String datasetId, LotId lot) {
        return new ManifestStore(store).lotManifests(manifests(datasetId).withLot(lot)).stream()
                .anyMatch(ManifestURI::superseded);
    }

    /** The arc's lot states in the window, scanned once and kept. */
    public SortedMap<LotId, ArcState> arcLots(ArcPlan arc) {
        return arcLots.computeIfAbsent(arc, a -> ArcLots.scan(store, a.gateProps().arcStateURI(),
                window(units.ofArc(a))));
    }

    private static String projectId(ProjectPlan project) {
        return project.deployable().getProject().id();
    }
}
