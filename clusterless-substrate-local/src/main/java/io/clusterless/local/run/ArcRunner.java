package io.clusterless.local.run;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.arc.ArcAttemptSupersededException;
import io.clusterless.engine.arc.ArcCompleteGate;
import io.clusterless.engine.arc.ArcStartGate;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcStateContext;
import io.clusterless.event.WorkloadError;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.lot.LotUnit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One arc's state machine (reference §3.7) on one machine: the runtime's start gate, then, when it says the lot is
 * ours, the workload, then the runtime's complete gate, with the same choices: {@code AlreadyRunning} and
 * {@code AlreadyComplete} end the run, a workload error goes to the complete gate as {@code workloadError}.
 */
final class ArcRunner {
    private static final System.Logger LOG = System.getLogger(ArcRunner.class.getName());

    /** How a run ended, for the counters and the summary. */
    enum Outcome {
        ALREADY_RUNNING, ALREADY_COMPLETE, COMPLETE, PARTIAL, MISSING, FAILED,
        /** A join's lot whose other sources have not arrived (ADR-0011): nothing ran. */
        WAITING
    }

    private final LocalPlan.ArcEntry arc;
    private final ArcStartGate start;
    private final ArcCompleteGate complete;
    private final LocalExecutor workload;

    ArcRunner(LocalPlan.ArcEntry arc, ObjectStore store, EventPublisher bus, LocalExecutor workload, Clock clock) {
        this.arc = arc;
        this.start = new ArcStartGate(arc.gateProps(), store, clock);
        this.complete = new ArcCompleteGate(arc.gateProps(), store, bus, clock);
        this.workload = workload;
    }

    String ruleName() {
        return arc.ruleName();
    }

    String name() {
        return arc.project().project() + "/" + arc.model().getName();
    }

    Outcome run(ArcNotifyEvent event) {
        return run(event, start);
    }

    /** A late tick for a roll-up's lot (ADR-0012): starts it with what is there once its deadline has passed. */
    Outcome runDue(String arcLot) {
        return run(arcLot, () -> start.startDue(arcLot));
    }

    /**
     * Ends the lot's run left {@code running} by an earlier process (ADR-0008): this process holds the local root
     * alone and has started nothing yet, so that run is dead however recently it started; no clock is asked. The lot
     * is {@code missing} afterwards, and the ordinary gate starts it again.
     *
     * @return whether the lot had such a run
     */
    boolean endAbandoned(String lot) {
        return start.endAbandoned(lot, "its run ended with the local run that started it (the root was free again)"
                + "; the lot may run again");
    }

    /** Runs the lot a schedule tick runs (ADR-0013). */
    Outcome tick(Instant tick, LotUnit unit) {
        return run("of the tick at " + tick, () -> start.tick(tick, unit));
    }

    private Outcome run(ArcNotifyEvent event, ArcStartGate gate) {
        return run(event.lot(), () -> gate.start(event));
    }

    private Outcome run(String lot, java.util.function.Supplier<ArcStateContext> gate) {
        ArcStateContext started = gate.get();
        if (started.waits()) {
            LOG.log(System.Logger.Level.DEBUG, "arc {0} lot {1}: waiting for {2}", name(), lot,
                    started.waitingFor());
            return Outcome.WAITING;
        }
        ArcNotifyEvent event = started.arcWorkloadContext().arcNotifyEvent();
        // the state machine's StateStart choice, in its order
        if (started.previousState() == ArcState.running) {
            return Outcome.ALREADY_RUNNING;
        }
        if (started.currentState() == ArcState.complete) {
            return Outcome.ALREADY_COMPLETE;
        }
        if (!ArcStartGate.runsWorkload(started)) {
            return Outcome.ALREADY_RUNNING;
        }
        Map<String, String> sinkManifests = Map.of();
        Map<String, Long> metrics = Map.of();
        WorkloadError error = null;
        try {
            LocalExecutor.Result result = workload.runMeasured(started.arcWorkloadContext(), arc.workloadProps(),
                    UUID.randomUUID() + "-1");
            sinkManifests = result.sinkManifests();
            metrics = result.workloadMetrics();
        } catch (Exception e) {
            error = new WorkloadError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            LOG.log(System.Logger.Level.WARNING, "arc {0} lot {1}: workload failed: {2}", name(), event.lot(),
                    e.getMessage());
        }
        try {
            ArcStateContext ended = complete.complete(new ArcStateContext(started.previousState(), ArcState.running,
                    started.arcWorkloadContext(), sinkManifests, null, error, started.arcAttempt())
                    .withWorkloadMetrics(metrics));
            switch (ended.currentState()) {
                case complete:
                    return Outcome.COMPLETE;
                case partial:
                    return Outcome.PARTIAL;
                default:
                    return Outcome.MISSING;
            }
        } catch (ArcAttemptSupersededException e) {
            LOG.log(System.Logger.Level.WARNING, "arc {0} lot {1}: {2}", name(), event.lot(), e.getMessage());
            return Outcome.FAILED;
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "arc {0} lot {1}: {2}", name(), event.lot(), e.getMessage());
            return Outcome.MISSING;
        }
    }
}
