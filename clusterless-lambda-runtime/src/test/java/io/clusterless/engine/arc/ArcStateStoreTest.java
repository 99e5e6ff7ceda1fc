package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.event.WorkloadError;
import io.clusterless.json.Json;
import io.clusterless.runtime.testing.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The lot's state as listed from its state objects, and how transitions keep exactly one of them. */
class ArcStateStoreTest {
    private static final String LOT = "20230227PT5M287";
    private static S3ProxyServer server;

    private final MutableClock clock = new MutableClock();

    @BeforeAll
    static void start() {
        server = S3ProxyServer.start().bucket("arc-state").bucket("manifests");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ArcFixture arc(String name) {
        return new ArcFixture(server.store(), "arc-state", "manifests", name, "bus");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theLotsRuns_countAttemptsAndFailures_andTimeTheNewest() {
        ArcFixture arc = arc(unique("runs"));
        ArcStateStore states = arc.states(clock);
        StartOutcome first = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);
        clock.advance(Duration.ofSeconds(90));
        states.end(LOT, first.arcAttempt(), ArcState.partial, new WorkloadError("WorkloadFailed", "exit 3"), "failed");
        clock.advance(Duration.ofMinutes(5));
        // the clock is the wall clock plus an offset: the start lies between these two readings
        Instant beforeStart = clock.instant();
        StartOutcome second = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);
        Instant afterStart = clock.instant();
        clock.advance(Duration.ofSeconds(42));
        states.end(LOT, second.arcAttempt(), ArcState.complete, null, "done");
        Instant afterEnd = clock.instant();

        LotRuns runs = LotRuns.of(LOT, ArcState.complete, states.history(LOT));

        assertThat(runs.attempts()).isEqualTo(2);
        assertThat(runs.failures()).isEqualTo(1);
        assertThat(runs.started()).isBetween(beforeStart, afterStart);
        assertThat(runs.duration()).isBetween(Duration.ofSeconds(42), Duration.between(beforeStart, afterEnd));
        assertThat(runs.error()).isNull();
        // a lot that never ran has no history; one running has no duration yet
        assertThat(states.history("20230227PT5M100")).isEmpty();
        states.start("20230227PT5M101", arc.event("20230227PT5M101"), ArcFixture.TIMEOUT);
        assertThat(LotRuns.of("20230227PT5M101", ArcState.running, states.history("20230227PT5M101")))
                .satisfies(running -> {
                    assertThat(running.attempts()).isEqualTo(1);
                    assertThat(running.duration()).isNull();
                });
    }

    @Test
    void aRunsWorkloadMetrics_areRecordedInItsEndRecordAndOnItsEndLine_andOlderRecordsReadWithout() throws Exception {
        ArcFixture arc = arc(unique("metrics"));
        ArcStateStore states = arc.states(clock);
        StartOutcome run = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);

        states.end(LOT, run.arcAttempt(), ArcState.complete, null, null,
                java.util.Map.of(io.clusterless.event.WorkloadMetrics.ATHENA_SCANNED_BYTES, 1_234_567L));

        assertThat(states.attemptEnd(LOT, run.arcAttempt()).orElseThrow().workloadMetrics())
                .containsExactly(java.util.Map.entry("athenaScannedBytes", 1_234_567L));
        assertThat(LotRuns.of(LOT, ArcState.complete, states.history(LOT)).workloadMetrics())
                .containsExactly(java.util.Map.entry("athenaScannedBytes", 1_234_567L));
        assertThat(arc.stateBody(LOT, ArcState.complete)).contains("\"workloadMetrics\":{\"athenaScannedBytes\":1234567}");

        // an end record and a history line written before the field existed read as having none
        AttemptEnd older = Json.records().readValue("{\"arcAttempt\": \"a1\", \"state\": \"complete\", "
                + "\"endedBy\": \"workload\", \"time\": \"2023-02-27T23:59:00Z\", \"stateBody\": \"\", "
                + "\"claim\": \"c1\"}", AttemptEnd.class);
        assertThat(older.workloadMetrics()).isEmpty();
        assertThat(Json.records().readValue("{\"state\": \"complete\", \"arcAttempt\": \"a1\"}",
                ArcStateEntry.class).workloadMetrics()).isEmpty();
        // and a run without metrics writes none: the records keep their earlier shape
        StartOutcome plain = states.start("20230227PT5M102", arc.event("20230227PT5M102"), ArcFixture.TIMEOUT);
        states.end("20230227PT5M102", plain.arcAttempt(), ArcState.complete, null, null);
        assertThat(arc.stateBody("20230227PT5M102", ArcState.complete)).doesNotContain("workloadMetrics");
        assertThat(Json.records().writeValueAsString(states.attemptEnd("20230227PT5M102", plain.arcAttempt())
                .orElseThrow())).doesNotContain("workloadMetrics");
    }

    @Test
    void stateIsReadFromTheLastKeySegmentOnly() {
        // Guards the original's bug: the state was found by substring of the whole key, so arc "running-x" was always running.
        ArcFixture arc = arc(unique("running-x"));
        arc.putState(LOT, ArcState.complete, "");
        arc.putState(LOT, ArcState.complete, "");
        arc.store.put(arc.stateBucket, arc.lotPrefix(LOT) + "running-x.arc", new byte[0], "text/plain");
        arc.store.put(arc.stateBucket, arc.lotPrefix(LOT) + "notes/running.arc", new byte[0], "text/plain");

        LotView view = arc.states(clock).observe(LOT);

        assertThat(view.current()).contains(ArcState.complete);
        assertThat(view.states()).containsExactly(ArcState.complete);
    }

    @Test
    void stateFileNamesAreReadIgnoringCase_andALotThatNeverRanHasNoState() {
        ArcFixture arc = arc(unique("partial"));
        arc.store.put(arc.stateBucket, arc.lotPrefix(LOT) + "Missing.ARC", new byte[0], "text/plain");

        assertThat(arc.states(clock).state(LOT)).contains(ArcState.missing);
        assertThat(arc.states(clock).state("20230227PT5M286")).isEmpty();
    }

    @Test
    void startWritesRunningArcWithTokenStartTimeAndEvent() {
        ArcFixture arc = arc(unique("copy"));

        StartOutcome outcome = arc.states(clock).start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);

        assertThat(outcome.started()).isTrue();
        assertThat(outcome.previousState()).isNull();
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");
        List<ArcStateEntry> entries = StateBody.of(arc.stateBody(LOT, ArcState.running)).entries();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo(ArcState.running);
            assertThat(entry.arcAttempt()).isEqualTo(outcome.arcAttempt());
            assertThat(entry.time()).isNotBlank();
            assertThat(entry.event()).isEqualTo(arc.event(LOT));
        });
    }

    @Test
    void endingWithAnError_appendsItAsOneJsonLine_andLeavesOneStateObject() throws Exception {
        ArcFixture arc = arc(unique("copy"));
        ArcStateStore states = arc.states(clock);
        String attempt = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();

        states.end(LOT, attempt, ArcState.missing, new WorkloadError("States.TaskFailed", "{\"errorMessage\":\"boom\"}\nline 2"), null);

        assertThat(arc.stateFiles(LOT)).containsExactly("missing.arc");
        String[] lines = arc.stateBody(LOT, ArcState.missing).split("\n");
        assertThat(lines).hasSize(2);
        // readers of the reference format see a workload error on the transition's line
        WorkloadError error = Json.records().readValue(lines[1], WorkloadError.class);
        assertThat(error).isEqualTo(new WorkloadError("States.TaskFailed", "{\"errorMessage\":\"boom\"}\nline 2"));
        assertThat(Arrays.asList(lines).get(0)).contains("\"state\":\"running\"");
    }

    @Test
    void lastTransition_givesReportsTheRecordedErrorOfAFailedLot() {
        ArcFixture arc = arc(unique("copy"));
        ArcStateStore states = arc.states(clock);
        String attempt = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();
        states.end(LOT, attempt, ArcState.missing, new WorkloadError("States.TaskFailed", "boom"), "workload failed");

        ArcStateEntry last = states.lastTransition(LOT).orElseThrow();

        assertThat(last.state()).isEqualTo(ArcState.missing);
        assertThat(last.arcAttempt()).isEqualTo(attempt);
        assertThat(last.error()).isEqualTo("States.TaskFailed");
        assertThat(last.cause()).isEqualTo("boom");
        assertThat(states.lastTransition("20230227PT5M286")).isEmpty();
    }

    @Test
    void runThatEndedButLeftRunningArc_readsAsItsOutcome_andTheNextStartRepairsIt() {
        // A crash of the complete gate between writing partial.arc and removing running.arc.
        ArcFixture arc = arc(unique("copy"));
        ArcStateStore states = arc.states(clock);
        String attempt = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();
        String running = arc.stateBody(LOT, ArcState.running);
        states.end(LOT, attempt, ArcState.partial, null, null);
        arc.putState(LOT, ArcState.running, running);

        assertThat(states.observe(LOT).states()).containsExactlyInAnyOrder(ArcState.running, ArcState.partial);
        assertThat(states.state(LOT)).contains(ArcState.partial);

        assertThat(states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT))
                .as("within a minute the run's complete gate may still be removing running.arc")
                .isEqualTo(StartOutcome.alreadyRunning());
        clock.advance(Duration.ofMinutes(2));
        StartOutcome retry = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);

        assertThat(retry.started()).isTrue();
        assertThat(retry.previousState()).isEqualTo(ArcState.partial);
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");
        assertThat(StateBody.of(arc.stateBody(LOT, ArcState.running)).entries()).extracting(ArcStateEntry::state)
                .containsExactly(ArcState.running, ArcState.partial, ArcState.running);
    }

    @Test
    void startThatLeftTheOldStateBehind_readsAsRunning_untilItsTimeout() {
        // A crash of the start gate between creating running.arc and removing missing.arc.
        ArcFixture arc = arc(unique("copy"));
        ArcStateStore states = arc.states(clock);
        String first = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();
        states.end(LOT, first, ArcState.missing, null, null);
        String missing = arc.stateBody(LOT, ArcState.missing);
        String second = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();
        arc.putState(LOT, ArcState.missing, missing);

        assertThat(states.state(LOT)).contains(ArcState.running);
        assertThat(states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT)).isEqualTo(StartOutcome.alreadyRunning());

        clock.advance(ArcFixture.TIMEOUT.plusMinutes(1));
        StartOutcome third = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);

        assertThat(third.started()).isTrue();
        assertThat(third.previousState()).as("a timed-out run counts as failed without output").isEqualTo(ArcState.missing);
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");
        assertThat(StateBody.of(arc.stateBody(LOT, ArcState.running)).entries()).extracting(ArcStateEntry::arcAttempt)
                .containsExactly(first, first, second, second, third.arcAttempt());
    }

    @Test
    void completeWinsOverAnyOtherStateObject() {
        ArcFixture arc = arc(unique("copy"));
        arc.putState(LOT, ArcState.running, "");
        arc.putState(LOT, ArcState.partial, "");
        arc.putState(LOT, ArcState.complete, "");

        assertThat(arc.states(clock).state(LOT)).contains(ArcState.complete);
        assertThat(arc.states(clock).start(LOT, arc.event(LOT), ArcFixture.TIMEOUT)).isEqualTo(StartOutcome.alreadyComplete());
    }

    @Test
    void unrelatedStateObjects_readAsRunning_soNothingRunsTwice() {
        // Bodies written by another tool carry no history: a run in doubt is left alone until its timeout.
        ArcFixture arc = arc(unique("copy"));
        arc.putState(LOT, ArcState.partial, "{\"Error\":\"x\",\"Cause\":\"y\"}\n");
        arc.putState(LOT, ArcState.running, "");

        assertThat(arc.states(clock).state(LOT)).contains(ArcState.running);
        assertThat(arc.states(clock).start(LOT, arc.event(LOT), ArcFixture.TIMEOUT)).isEqualTo(StartOutcome.alreadyRunning());

        clock.advance(ArcFixture.TIMEOUT.plusSeconds(1));
        StartOutcome outcome = arc.states(clock).start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);

        assertThat(outcome.started()).isTrue();
        assertThat(arc.stateFiles(LOT)).containsExactly("running.arc");
        assertThat(arc.stateBody(LOT, ArcState.running)).as("the timed-out run's history is kept")
                .contains("no outcome recorded within the running timeout");
    }

    @Test
    void endOfARun_isRecordedOnceBesideTheStateTree() throws Exception {
        ArcFixture arc = arc(unique("copy"));
        ArcStateStore states = arc.states(clock);
        String attempt = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();

        AttemptEnd first = states.end(LOT, attempt, ArcState.complete, null, null);
        AttemptEnd again = states.end(LOT, attempt, ArcState.partial, null, "a retried call with another outcome");

        assertThat(again).as("the first recorded outcome stands").isEqualTo(first);
        assertThat(arc.stateFiles(LOT)).containsExactly("complete.arc");
        String key = states.endKey(LOT, attempt);
        assertThat(key).isEqualTo("arc-attempts/project=test-project/version=20230101/arc=" + arc.arcName + "/lot=" + LOT
                + "/attempt=" + attempt + ".json");
        AttemptEnd stored = Json.records().readValue(arc.store.get(arc.stateBucket, key).orElseThrow().body(), AttemptEnd.class);
        assertThat(stored.endedBy()).isEqualTo(AttemptEnd.EndedBy.workload);
        assertThat(stored.stateBody()).isEqualTo(arc.stateBody(LOT, ArcState.complete));
        assertThat(new String(arc.store.get(arc.stateBucket, key).orElseThrow().body(), StandardCharsets.UTF_8))
                .contains("\"state\" : \"complete\"");
    }

    @Test
    void freshRunIsLeftAlone_andOnlyAStaleOneIsTakenOver() {
        ArcFixture arc = arc(unique("copy"));
        ArcStateStore states = arc.states(clock);
        String first = states.start(LOT, arc.event(LOT), Duration.ofMinutes(5)).arcAttempt();

        clock.advance(Duration.ofMinutes(4));
        assertThat(states.start(LOT, arc.event(LOT), Duration.ofMinutes(5))).isEqualTo(StartOutcome.alreadyRunning());
        clock.advance(Duration.ofMinutes(2));
        StartOutcome second = states.start(LOT, arc.event(LOT), Duration.ofMinutes(5));

        assertThat(second.started()).isTrue();
        assertThat(second.arcAttempt()).isNotEqualTo(first);
    }

    @Test
    void anAbandonedRun_isEndedAsMissingWhateverItsAge_andTheNextStartRunsTheLot() {
        ArcFixture arc = arc(unique("abandoned"));
        ArcStateStore states = arc.states(clock);
        String dead = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();
        clock.advance(Duration.ofHours(-1)); // a clock behind the store's times: no age judges the run stale

        assertThat(states.endAbandoned("20230227PT5M100", "died")).as("a lot that does not run").isFalse();
        assertThat(states.endAbandoned(LOT, "its process died")).isTrue();

        assertThat(arc.stateFiles(LOT)).containsExactly("missing.arc");
        assertThat(states.attemptEnd(LOT, dead).orElseThrow().endedBy()).isEqualTo(AttemptEnd.EndedBy.timeout);
        assertThat(states.lastTransition(LOT).orElseThrow().note()).isEqualTo("its process died");
        StartOutcome next = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);
        assertThat(next.started()).isTrue();
        assertThat(next.previousState()).isEqualTo(ArcState.missing);
    }

    @Test
    void anAbandonedRunThatEndedButLeftRunningArc_losesItAtOnce_notAfterTheGrace() {
        ArcFixture arc = arc(unique("abandoned-leftover"));
        ArcStateStore states = arc.states(clock);
        String attempt = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT).arcAttempt();
        String running = arc.stateBody(LOT, ArcState.running);
        states.end(LOT, attempt, ArcState.partial, null, null);
        arc.putState(LOT, ArcState.running, running); // its decider died before removing running.arc

        assertThat(states.endAbandoned(LOT, "its process died")).isTrue();

        assertThat(arc.stateFiles(LOT)).containsExactly("partial.arc");
        StartOutcome retry = states.start(LOT, arc.event(LOT), ArcFixture.TIMEOUT);
        assertThat(retry.started()).as("no grace: the decider is dead").isTrue();
        assertThat(retry.previousState()).isEqualTo(ArcState.partial);
    }
}
