package io.clusterless.engine.arc;

import io.clusterless.arc.ArcStateProps;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.manifest.ManifestState;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.DatasetRef;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.uri.ManifestURI;

import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.schedule.ScheduleExpression;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The arc start gate (reference §5.3, with the fixes of §8): given the event that a lot of a source is available,
 * starts the arc's workload for that lot unless it runs or ran already. Its answer drives the state machine's
 * {@code StateStart} choice: {@code previousState == running} ends {@code AlreadyRunning}, {@code currentState ==
 * complete} ends {@code AlreadyComplete}, {@code currentState == running} (with any other previous state) runs the
 * workload, whose input is {@code arcWorkloadContext}.
 * <p>
 * A join (ADR-0011, {@link ArcGateProps#barrier()}) first looks for every subscribed source's final manifest of the
 * lot; while one is missing the answer names it in {@code waitingFor} and nothing is written (the state machine ends
 * {@code WaitingForSources}). Each source's manifest is written before its event is sent, so of the events of one lot
 * the last to be looked at sees them all; the start itself then decides between concurrent winners as always.
 */
public final class ArcStartGate {
    private final ArcGateProps props;
    private final ArcStateStore states;
    private final ManifestStore manifests;
    private final RollUpCoverage coverage;
    private final RollUpCoverage tickCoverage;
    private final Clock clock;
    private final ScheduleFloor floor;
    private final ObjectStore retrying;

    public ArcStartGate(ArcGateProps props, ObjectStore store, Clock clock) {
        this.props = props;
        this.clock = clock;
        this.retrying = RetryingObjectStore.wrap(store);
        this.states = new ArcStateStore(retrying, props.arcStateURI(), clock);
        this.manifests = new ManifestStore(retrying);
        this.coverage = new RollUpCoverage(props, retrying);
        this.tickCoverage = props.tickRollUp() == null ? null : new RollUpCoverage(props.arc(), props.tickRollUp(),
                sourceTemplates(props), retrying);
        this.floor = new ScheduleFloor(retrying, props.arcStateURI());
    }

    /**
     * @throws IllegalArgumentException if the event names no lot, or a dataset that is not exactly one of the arc's
     *                                  sources; nothing is written then
     */
    public ArcStateContext start(ArcNotifyEvent event) {
        if (event == null || event.lot() == null || event.lot().isBlank()) {
            throw new IllegalArgumentException("arc " + props.arc().name() + " was given an event without a lot: " + event);
        }
        String role = roleOf(props.arc(), event.dataset());
        if (props.rollsUp()) {
            LotId arcLot = arcLotOf(event);
            return startRollUp(role, new ArcNotifyEvent(event.dataset(), arcLot.format(), null), arcLot, false);
        }
        Barrier barrier = barrier(event.lot());
        if (!barrier.waitingFor().isEmpty()) {
            return ArcStateContext.waiting(new ArcWorkloadContext(role, event), barrier.waitingFor());
        }
        StartOutcome outcome = states.start(event.lot(), event, props.runningTimeout());
        Map<String, List<String>> partials = outcome.started() && outcome.previousState() != null
                ? partialManifests(event.lot()) : Map.of();
        return new ArcStateContext(outcome.previousState(), outcome.currentState(),
                new ArcWorkloadContext(role, event, partials, barrier.sourceManifests()), null, null, null,
                outcome.arcAttempt());
    }

    /**
     * A late tick for a roll-up's lot (ADR-0012): past the lot's {@code lateAfter} deadline, starts it with the
     * covered source lots there are, unless it runs or ran, or no covered source lot is there at all (then it keeps
     * waiting: an empty roll-up would hide an upstream that sent nothing). Before the deadline it is an ordinary look
     * at the lot: it starts only if every covered source lot is there. The lot's event names a role that holds
     * something.
     *
     * @param arcLot a lot id of the roll-up's own unit
     */
    public ArcStateContext startDue(String arcLot) {
        if (!props.rollsUp()) {
            throw new IllegalArgumentException("arc " + props.arc().name() + " is not a roll-up; only a roll-up's "
                    + "lot starts on its lateAfter deadline");
        }
        LotId lot = LotId.parse(arcLot);
        if (lot.unit() != props.rollUp().lotUnit()) {
            throw new IllegalArgumentException("arc " + props.arc().name() + " rolls up into "
                    + props.rollUp().lotUnit().displayName() + " lots; " + arcLot + " is a " + lot.unit().displayName()
                    + " lot");
        }
        String role = props.barrier().keySet().iterator().next();
        SourceDataset source = props.arc().sources().get(role);
        ArcNotifyEvent event = new ArcNotifyEvent(new SinkDataset(source.getName(), source.getVersion(), null),
                lot.format(), null);
        return startRollUp(role, event, lot, true);
    }

    /**
     * The roll-up lot a late tick at {@code tick} is for: the latest lot whose deadline is not after the tick. A tick
     * every lot interval thus reaches each lot once, at most one interval after its deadline.
     */
    public static LotId dueAt(ArcGateProps.RollUp rollUp, Instant tick) {
        if (rollUp.lateAfter() == null) {
            throw new IllegalArgumentException("a roll-up without lateAfter has no deadline");
        }
        return LotId.of(rollUp.lotUnit(), tick.minus(rollUp.lateAfter()).minus(rollUp.lotUnit().duration()));
    }

    private LotId arcLotOf(ArcNotifyEvent event) {
        LotId sourceLot = LotId.parse(event.lot());
        LotUnit unit = props.rollUp().lotUnit();
        if (!sourceLot.unit().divides(unit)) {
            throw new IllegalArgumentException("arc " + props.arc().name() + " rolls up into " + unit.displayName()
                    + " lots, which the " + sourceLot.unit().displayName() + " lot " + event.lot() + " of dataset "
                    + event.dataset().id() + " does not divide");
        }
        return LotId.of(unit, sourceLot.start());
    }

    /**
     * Starts the roll-up's lot once every covered source lot is there, or, on a tick past its deadline, with what is
     * there (naming the rest in the run's {@code running} line). Only ticks start a lot late, so what a late lot
     * reads does not depend on which source event happened to come first after the deadline. Like a join, the look
     * decides nothing contended: of the covered lots' events the last looks after every manifest was written, and the
     * start itself is the contended create-if-absent.
     */
    private ArcStateContext startRollUp(String role, ArcNotifyEvent event, LotId arcLot, boolean tick) {
        RollUpCoverage.Coverage covered = coverage.of(arcLot);
        List<String> late = List.of();
        if (!covered.complete()) {
            boolean due = tick && props.rollUp().deadline(arcLot)
                    .filter(deadline -> !clock.instant().isBefore(deadline)).isPresent();
            if (!due || !covered.holdsAny()) {
                return ArcStateContext.waiting(new ArcWorkloadContext(role, event), covered.missing());
            }
            late = covered.missing();
            if (covered.manifests().get(role).isEmpty()) { // a tick's lot: name a role that holds something
                role = covered.manifests().entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                        .map(Map.Entry::getKey).findFirst().orElseThrow();
                SourceDataset source = props.arc().sources().get(role);
                event = new ArcNotifyEvent(new SinkDataset(source.getName(), source.getVersion(), null),
                        arcLot.format(), null);
            }
        }
        return startCovering(role, event, arcLot, covered, late);
    }

    /**
     * Starts a lot that reads covered source lots (a roll-up's or a scheduled roll-up's) with {@code covered}'s
     * manifests, naming {@code late} in its {@code running} line. Only the run that started records what it reads, in
     * its covered-manifests document: one per attempt, never rewritten.
     */
    private ArcStateContext startCovering(String role, ArcNotifyEvent event, LotId lot,
                                          RollUpCoverage.Coverage covered, List<String> late) {
        StartOutcome outcome = states.start(lot.format(), event, props.runningTimeout(), late);
        Map<String, List<String>> partials = outcome.started() && outcome.previousState() != null
                ? partialManifests(lot.format()) : Map.of();
        String document = !outcome.started() ? null
                : new CoveredManifests(lot.format(), covered.manifests(), late).write(retrying, manifestBucket(),
                props.arcStateURI(), outcome.arcAttempt());
        return new ArcStateContext(outcome.previousState(), outcome.currentState(),
                new ArcWorkloadContext(role, event, partials, Map.of(), covered.manifests(), document), null, null,
                null, outcome.arcAttempt());
    }

    /** Every source role → its manifest template, in the bucket of the arc's sink manifests. */
    private static Map<String, String> sourceTemplates(ArcGateProps props) {
        String bucket = props.sinkManifestTemplates().values().stream().findFirst()
                .map(template -> ManifestURI.parse(template).bucket())
                .orElseThrow(() -> new IllegalArgumentException("arc " + props.arc().name() + " has no sinks"));
        Map<String, String> templates = new LinkedHashMap<>();
        props.arc().sources().forEach((role, source) -> templates.put(role, ManifestURI.of(bucket, source).template()));
        return templates;
    }

    /** The placement's manifest bucket, where the sources' and sinks' manifests are. */
    private String manifestBucket() {
        return Stream.concat(props.barrier().values().stream(),
                        props.sinkManifestTemplates().values().stream())
                .findFirst()
                .map(template -> ManifestURI.parse(template).bucket())
                .orElseThrow(() -> new IllegalArgumentException("arc " + props.arc().name() + " has no sources or "
                        + "sinks whose manifests would say where the manifest bucket is"));
    }

    /**
     * Starts the lot a schedule tick runs (ADR-0013): the newest lot of {@code unit} that ended at or before
     * {@code tick}, with whatever final manifests its sources hold for it then, and never waiting. The start itself is
     * {@link #start}'s: a tick delivered twice, or a tick for a lot {@code cls exec} ran, finds it running or complete.
     * The workload's event names the first source that holds the lot (so single-source workloads see it as an
     * arrival); with none, the event names only the lot.
     */
    public ArcStateContext tick(Instant tick, LotUnit unit) {
        floor.since(tick); // on AWS the first tick marks when the schedule began; cls gaps counts ticks from it
        if (props.tickRollUp() != null) {
            return tickRollUp(ScheduleExpression.lotOf(unit, tick));
        }
        String lot = ScheduleExpression.lotOf(unit, tick).format();
        Map<String, String> found = new LinkedHashMap<>();
        String bucket = props.sinkManifestTemplates().values().stream().findFirst()
                .map(template -> ManifestURI.parse(template).bucket())
                .orElseThrow(() -> new IllegalArgumentException("arc " + props.arc().name() + " has no sinks"));
        props.arc().sources().forEach((role, source) ->
                manifests.lotManifests(ManifestURI.of(bucket, source).withLot(lot)).stream()
                        .filter(ManifestURI::currentFinal)
                        .findFirst()
                        .ifPresent(manifest -> found.put(role, manifest.identifier())));
        String role = found.keySet().stream().findFirst().orElse(null);
        SourceDataset source = role == null ? null : props.arc().sources().get(role);
        ArcNotifyEvent event = new ArcNotifyEvent(source == null ? null
                : new SinkDataset(source.getName(), source.getVersion(), null), lot, found.get(role));
        StartOutcome outcome = states.start(lot, event, props.runningTimeout());
        Map<String, List<String>> partials = outcome.started() && outcome.previousState() != null
                ? partialManifests(lot) : Map.of();
        return new ArcStateContext(outcome.previousState(), outcome.currentState(),
                new ArcWorkloadContext(role, event, partials, found), null, null, null, outcome.arcAttempt());
    }

    /**
     * A scheduled roll-up's tick (ADR-0012, ADR-0013): starts the tick's lot with the final manifests of the covered
     * source lots there are, never waiting; the covered lots without one are recorded in the run's {@code running}
     * line as a late start's are. The event names the first role that holds something (else the first role, or none
     * for a scheduled workload without sources) and no manifest, as a roll-up's does.
     */
    private ArcStateContext tickRollUp(LotId lot) {
        if (lot.unit() != props.tickRollUp().lotUnit()) {
            throw new IllegalArgumentException("scheduled arc " + props.arc().name() + " ticks "
                    + props.tickRollUp().lotUnit().displayName() + " lots; a tick of " + lot.unit().displayName()
                    + " lots was given (check CLS_ARC_TICK_LOT_UNIT)");
        }
        RollUpCoverage.Coverage covered = tickCoverage.of(lot);
        String role = covered.manifests().entrySet().stream().filter(entry -> !entry.getValue().isEmpty())
                .map(Map.Entry::getKey).findFirst()
                .orElse(props.arc().sources().keySet().stream().findFirst().orElse(null));
        SourceDataset source = role == null ? null : props.arc().sources().get(role);
        ArcNotifyEvent event = new ArcNotifyEvent(source == null ? null
                : new SinkDataset(source.getName(), source.getVersion(), null), lot.format(), null);
        return startCovering(role, event, lot, covered, covered.missing());
    }

    /**
     * What the join's sources hold for the lot: each role's current final manifest, and each source lot that has
     * none. Both empty when the arc does not join.
     */
    public Barrier barrier(String lot) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>();
        props.barrier().forEach((role, template) -> {
            Optional<ManifestURI> manifest = manifests.lotManifests(ManifestURI.parse(template).withLot(lot)).stream()
                    .filter(ManifestURI::currentFinal)
                    .findFirst();
            if (manifest.isPresent()) {
                found.put(role, manifest.get().identifier());
            } else {
                waiting.add(sourceLot(props.arc().sources().get(role), lot));
            }
        });
        return new Barrier(found, waiting);
    }

    /** How a source lot a join waits for is named, in gate answers and reports. */
    public static String sourceLot(DatasetRef source, String lot) {
        return "dataset " + source.id() + " lot " + lot;
    }

    /**
     * @param sourceManifests role → the source's final manifest of the lot, for each source that holds one
     * @param waitingFor      each source lot without one ({@link #sourceLot}); empty when the lot may start
     */
    public record Barrier(Map<String, String> sourceManifests, List<String> waitingFor) {
    }

    /** The one source role whose dataset is the event's (same name and version). */
    static String roleOf(ArcStateProps arc, DatasetRef dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("arc " + arc.name() + " was given an event without a dataset");
        }
        List<String> roles = arc.sources().entrySet().stream()
                .filter(source -> source.getValue().sameDataset(dataset))
                .map(Map.Entry::getKey)
                .toList();
        if (roles.size() == 1) {
            return roles.get(0);
        }
        String sources = arc.sources().entrySet().stream()
                .map(source -> source.getKey() + "=" + describe(source.getValue()))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(roles.isEmpty()
                ? "event for dataset " + dataset.id() + " matches no source of arc " + arc.name() + " (sources: "
                + sources + "); check the arc's listener rule and its sources' names and versions"
                : "event for dataset " + dataset.id() + " matches several sources of arc " + arc.name() + ": " + roles
                + "; a dataset may be a source of an arc once");
    }

    /** Partial sink manifests already written for the lot, per sink role, for the workload to account for on retry. */
    private Map<String, List<String>> partialManifests(String lot) {
        Map<String, List<String>> partials = new LinkedHashMap<>();
        props.sinkManifestTemplates().forEach((role, template) -> {
            List<String> uris = manifests.lotManifests(ManifestURI.parse(template).withLot(lot)).stream()
                    .filter(uri -> uri.state() == ManifestState.partial)
                    .map(ManifestURI::identifier)
                    .toList();
            if (!uris.isEmpty()) {
                partials.put(role, uris);
            }
        });
        return partials;
    }

    private static String describe(SourceDataset source) {
        return source.id();
    }

    /**
     * Ends the lot's run, whatever its age, for a caller that knows no process runs it any more (a restarted local
     * run, before it starts anything: ADR-0008); the lot is {@code missing} afterwards, so its next start runs it.
     *
     * @param lot the arc's lot (a roll-up's or a schedule's own lot)
     * @return whether there was such a run
     */
    public boolean endAbandoned(String lot, String why) {
        return states.endAbandoned(lot, why);
    }

    /** Whether a context from this gate runs the workload (the state machine's third {@code StateStart} branch). */
    public static boolean runsWorkload(ArcStateContext context) {
        return context.currentState() == ArcState.running && context.previousState() != ArcState.running;
    }
}
