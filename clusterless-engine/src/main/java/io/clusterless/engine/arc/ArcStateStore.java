package io.clusterless.engine.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.WorkloadError;
import io.clusterless.json.Json;
import io.clusterless.uri.ArcStateURI;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The arc state of one arc's lots, kept as exactly one {@code …/arc=<arc>/lot=<lot>/<state>.arc} object per lot
 * (reference §4.3) and moved so that concurrent and duplicate events cannot run a lot twice. The protocol is in
 * {@code docs/adr/0003-arc-state-protocol.md}; in short:
 * <ul>
 *   <li>the state is read by listing the lot and parsing each key's last segment only;</li>
 *   <li>a run starts by creating {@code running.arc} if absent (the mutex), its body carrying a fresh attempt token,
 *   the start time and the event; the winner checks the lot did not change meanwhile, then removes the old state;</li>
 *   <li>a run ends by creating its attempt's end record if absent (exactly one of: the complete gate, or a start gate
 *   that found the run past its timeout), then writing the new state object; the party that created the record then
 *   removes {@code running.arc};</li>
 *   <li>writing the new state is repeatable, so the next reader finishes what a crash left half done; a
 *   {@code running.arc} its decider failed to remove is replaced ({@code If-Match}) by the next start after a grace.</li>
 * </ul>
 * Contended decisions are made with {@link ObjectStore#createIfAbsent}, which must be atomic (it is on S3). Every
 * removal is {@link ObjectStore#deleteIfMatch} with the ETag of the object that was read and judged, so nothing
 * written at the key since is ever removed.
 */
public final class ArcStateStore {
    /** Root of the attempt end records; see {@link ArcStateURI#ATTEMPTS_ROOT}. */
    public static final String ATTEMPTS_ROOT = ArcStateURI.ATTEMPTS_ROOT;
    private static final String NDJSON = "application/x-ndjson";
    private static final String JSON = "application/json";
    private static final int MAX_ROUNDS = 10;
    private static final Duration LEFTOVER_GRACE = Duration.ofMinutes(1);
    /** How the history line of a reopening begins (ADR-0006). */
    public static final String REOPENED = "reopened for replay: ";

    private final ObjectStore store;
    private final ArcStateURI arc;
    private final Clock clock;

    /**
     * @param arc the arc's state location with bucket, project, version and arc name; lot and state open
     */
    public ArcStateStore(ObjectStore store, ArcStateURI arc, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (arc.bucket() == null || arc.projectName() == null || arc.projectVersion() == null || arc.arcName() == null) {
            throw new IllegalArgumentException("arc state location must name bucket, project, version and arc: " + arc);
        }
        this.arc = arc.withLot((String) null).withState(null);
    }

    /** The lot's state, from one listing (plus reads only if a crash left more than one state object). */
    public Optional<ArcState> state(String lot) {
        return observe(lot).current();
    }

    /** Lists the lot and resolves its state; see {@link LotView} for what two state objects mean. */
    public LotView observe(String lot) {
        Map<ArcState, ObjectInfo> listed = list(lot);
        Map<ArcState, StateObject> objects = new EnumMap<>(ArcState.class);
        for (Map.Entry<ArcState, ObjectInfo> entry : listed.entrySet()) {
            StateObject object = new StateObject(entry.getKey(), entry.getValue(), null);
            if (listed.size() > 1) {
                Optional<StateObject> read = read(object);
                if (read.isEmpty()) {
                    continue; // removed since the listing: it no longer counts
                }
                object = read.get();
            }
            objects.put(object.state(), object);
        }
        return new LotView(lot, objects);
    }

    /**
     * The lot's last recorded transition (state, attempt, time, note and workload error) for reports: reads the
     * current state object's body. Empty when the lot has no state or its object vanished since the listing.
     */
    public Optional<ArcStateEntry> lastTransition(String lot) {
        LotView view = observe(lot);
        return view.current().flatMap(view::object)
                .flatMap(this::bodied)
                .flatMap(object -> object.body().last());
    }

    /** The end record of run {@code attempt} of the lot, once its end was decided (ADR-0003). */
    public Optional<AttemptEnd> attemptEnd(String lot, String attempt) {
        return readEnd(lot, attempt);
    }

    /** The lot's history, oldest first, from its current state object's body; empty without a state. */
    public List<ArcStateEntry> history(String lot) {
        LotView view = observe(lot);
        return view.current().flatMap(view::object).flatMap(this::bodied)
                .map(object -> object.body().entries()).orElse(List.of());
    }

    /**
     * The {@code running} line of the lot's last run (its event, and for a late roll-up the source lots it started
     * without), for reports. Empty when the lot has no state or never ran.
     */
    public Optional<ArcStateEntry> lastStart(String lot) {
        LotView view = observe(lot);
        return view.current().flatMap(view::object)
                .flatMap(this::bodied)
                .flatMap(object -> object.body().entries().stream()
                        .filter(entry -> entry.state() == ArcState.running)
                        .reduce((first, second) -> second));
    }

    /**
     * Starts a run of the lot unless one holds it or it is complete: exactly one of any number of concurrent calls
     * for a startable lot returns {@link StartOutcome#started()}. A run past {@code runningTimeout} is ended as
     * {@code missing} first, so the lot is run again (its previous state then reads {@code missing}).
     *
     * @throws ArcStateConflictException if the lot kept changing under this call
     */
    public StartOutcome start(String lot, ArcNotifyEvent event, Duration runningTimeout) {
        return start(lot, event, runningTimeout, List.of());
    }

    /**
     * As {@link #start(String, ArcNotifyEvent, Duration)}; a started run's {@code running} line names {@code late},
     * the source lots a roll-up starts without (ADR-0012).
     */
    public StartOutcome start(String lot, ArcNotifyEvent event, Duration runningTimeout, List<String> late) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LotView view = observe(lot);
            removeAncestors(view);
            ArcState current = view.current().orElse(null);
            Optional<StateObject> running = view.object(ArcState.running);
            if (current == ArcState.complete) {
                running.ifPresent(leftover -> removeRunningBesideComplete(lot, view, leftover, runningTimeout));
                return StartOutcome.alreadyComplete();
            }
            if (current == ArcState.running) {
                if (!isStale(running.orElseThrow(), runningTimeout)) {
                    return StartOutcome.alreadyRunning();
                }
                expire(lot, view, running.get(), runningTimeout);
                continue;
            }
            if (running.isPresent() && !graceOver(view.object(current).orElseThrow(), runningTimeout)) {
                // the run just ended and its decider is removing running.arc: this event is a duplicate
                return StartOutcome.alreadyRunning();
            }
            Optional<StartOutcome> started = tryStart(lot, view, current, running, event, late);
            if (started.isPresent()) {
                return started.get();
            }
        }
        throw new ArcStateConflictException("arc " + arc.arcName() + " lot " + lot + " changed " + MAX_ROUNDS
                + " times while starting it; another start or run is racing this one. The event may be delivered "
                + "again safely.");
    }

    /**
     * Checks that {@code attempt} still owns the lot, before its outcome is announced or recorded.
     *
     * @return empty while the run holds the lot; its end record if it already recorded its outcome (a retried call)
     * @throws ArcAttemptSupersededException if the run timed out and the lot was taken over, or it does not hold the lot
     */
    public Optional<AttemptEnd> requireOwner(String lot, String attempt) {
        Optional<AttemptEnd> ended = readEnd(lot, attempt);
        if (ended.isPresent()) {
            if (ended.get().endedBy() == AttemptEnd.EndedBy.workload) {
                return ended;
            }
            throw superseded(lot, attempt, ended.get());
        }
        Optional<StoredObject> running = store.get(arc.bucket(), stateKey(lot, ArcState.running));
        Optional<String> holder = running.flatMap(object -> StateBody.parse(object.body()).attempt());
        if (holder.isPresent() && holder.get().equals(attempt)) {
            return Optional.empty();
        }
        throw new ArcAttemptSupersededException(lot, attempt, "run " + attempt + " of arc " + arc.arcName() + " lot "
                + lot + " no longer holds the lot (" + (running.isEmpty() ? "no running.arc"
                : "running.arc belongs to run " + holder.orElse("(unknown)")) + ", state " + describe(state(lot))
                + "); its outcome is not recorded");
    }

    /**
     * Records the outcome of a run: the lot moves from {@code running} to {@code outcome}, the state object's body
     * gaining a line with {@code error} when there is one. Repeating the call is harmless; the first recorded outcome
     * stands.
     *
     * @return the recorded end
     * @throws ArcAttemptSupersededException if the run no longer holds the lot
     */
    public AttemptEnd end(String lot, String attempt, ArcState outcome, WorkloadError error, String note) {
        return end(lot, attempt, outcome, error, note, Map.of());
    }

    /**
     * As {@link #end(String, String, ArcState, WorkloadError, String)}, recording {@code workloadMetrics} (what the
     * workload measured about the run) in the end record and on the end's line of the history.
     */
    public AttemptEnd end(String lot, String attempt, ArcState outcome, WorkloadError error, String note,
                          Map<String, Long> workloadMetrics) {
        if (outcome == null || outcome == ArcState.running) {
            throw new IllegalArgumentException("a run ends in complete, partial or missing, not " + outcome);
        }
        AttemptEnd decided = requireOwner(lot, attempt).orElse(null);
        if (decided == null) {
            StoredObject running = store.get(arc.bucket(), stateKey(lot, ArcState.running))
                    .orElseThrow(() -> new ArcAttemptSupersededException(lot, attempt, "run " + attempt + " of arc "
                            + arc.arcName() + " lot " + lot + " lost running.arc while ending; outcome not recorded"));
            Instant now = clock.instant();
            StateBody body = StateBody.parse(running.body())
                    .append(ArcStateEntry.ended(outcome, attempt, now, note, error, workloadMetrics));
            decided = claimEnd(lot, new AttemptEnd(attempt, outcome, AttemptEnd.EndedBy.workload, now.toString(),
                    body.text(), workloadMetrics)).end();
            if (decided.endedBy() != AttemptEnd.EndedBy.workload) {
                throw superseded(lot, attempt, decided);
            }
        }
        // the run's own complete gate decided (this call or an earlier one of the same run): it removes running.arc
        applyEnd(lot, decided, true);
        return decided;
    }

    /**
     * Reopens a lot that run {@code completedBy} completed, so that it can run again (a replay, ADR-0006): the lot
     * moves {@code complete → missing}, the history gaining a line that names that run and says why. Nothing changes
     * when the lot is not complete by that run (it never completed, or it was reopened and run again since the caller
     * looked). Repeating the call, or calling it after a crash half way, finishes the same reopening.
     *
     * @return true when the lot now reads as reopened from {@code completedBy}
     * @throws ArcStateConflictException if the lot kept changing under this call
     */
    public boolean reopen(String lot, String completedBy, String reason) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LotView view = observe(lot);
            removeAncestors(view);
            Optional<StateObject> listed = view.current().flatMap(view::object);
            if (listed.isEmpty()) {
                return false;
            }
            Optional<StateObject> current = bodied(listed.get());
            if (current.isEmpty()) {
                continue; // changed since listed
            }
            if (isReopening(current.get(), completedBy)) {
                return true;
            }
            if (current.get().state() != ArcState.complete || !completedBy.equals(attemptOf(current.get()))) {
                return false;
            }
            StateBody reopened = current.get().body().absorbing(others(view, ArcState.complete))
                    .append(ArcStateEntry.ended(ArcState.missing, completedBy, clock.instant(), REOPENED + reason,
                            null));
            if (store.createIfAbsent(arc.bucket(), stateKey(lot, ArcState.missing), reopened.bytes(), NDJSON)
                    .isEmpty()) {
                continue; // an older missing.arc not removed yet, or a concurrent reopening: look again
            }
            StateObject complete = current.get();
            store.deleteIfMatch(arc.bucket(), complete.info().key(), complete.info().etag());
            return true;
        }
        throw new ArcStateConflictException("arc " + arc.arcName() + " lot " + lot + " changed " + MAX_ROUNDS
                + " times while reopening it; another run or replay is racing this one");
    }

    /** The run that completed the lot, when its state is {@code complete}. */
    public Optional<String> completedBy(String lot) {
        LotView view = observe(lot);
        if (view.current().filter(state -> state == ArcState.complete).isEmpty()) {
            return Optional.empty();
        }
        return view.object(ArcState.complete)
                .flatMap(this::bodied)
                .map(ArcStateStore::attemptOf);
    }

    private static boolean isReopening(StateObject object, String completedBy) {
        return object.state() == ArcState.missing && object.body().last()
                .filter(entry -> entry.state() == ArcState.missing && completedBy.equals(entry.arcAttempt())
                        && entry.note() != null && entry.note().startsWith(REOPENED))
                .isPresent();
    }

    /**
     * Creates {@code running.arc}, or replaces a leftover one of an ended run (only as it was read), then checks that
     * no other run ended meanwhile and removes the old state objects, whose history the new body carries.
     */
    private Optional<StartOutcome> tryStart(String lot, LotView view, ArcState current, Optional<StateObject> leftover,
                                            ArcNotifyEvent event, List<String> late) {
        StateBody history = StateBody.empty();
        if (current != null) {
            Optional<StateObject> read = read(view.object(current).orElseThrow());
            if (read.isEmpty()) {
                return Optional.empty(); // changed since listed: look again
            }
            history = read.get().body().absorbing(others(view, current));
        }
        String attempt = UUID.randomUUID().toString();
        byte[] body = history.append(ArcStateEntry.running(attempt, clock.instant(), event, late)).bytes();
        String key = stateKey(lot, ArcState.running);
        Optional<String> etag = leftover.isPresent()
                ? store.replaceIfMatch(arc.bucket(), key, body, NDJSON, leftover.get().info().etag())
                : store.createIfAbsent(arc.bucket(), key, body, NDJSON);
        if (etag.isEmpty()) {
            return Optional.empty(); // another start won: look again
        }
        // createIfAbsent cannot tell "never started" from "another run started and ended since we looked": that run's
        // end would show as a state object we did not see. Ones we saw may have gone (their history is in ours).
        Map<ArcState, ObjectInfo> after = list(lot);
        ObjectInfo ours = after.get(ArcState.running);
        boolean unchanged = ours != null && new StateObject(ArcState.running, ours, null).hasEtag(etag.get())
                && after.entrySet().stream().filter(entry -> entry.getKey() != ArcState.running)
                .allMatch(entry -> view.object(entry.getKey()).filter(seen -> seen.hasEtag(entry.getValue().etag()))
                        .isPresent());
        if (!unchanged) {
            deleteIfHeldBy(lot, attempt);
            return Optional.empty();
        }
        for (StateObject old : view.ended()) {
            // as listed: the second listing saw these ETags, and anything written since is not ours to remove
            store.deleteIfMatch(arc.bucket(), old.info().key(), old.info().etag());
        }
        return Optional.of(StartOutcome.started(current, attempt));
    }

    /**
     * Ends the lot's run as {@code missing} whatever its age, for a caller that knows no process runs it any more: a
     * restarted local run holds the root's lock and has started nothing yet, so each {@code running} state it finds was
     * left by a run that died (ADR-0008). The run is ended as a timed-out one is (its end record decides), and a
     * {@code running.arc} left beside an ended state is removed at once instead of after the grace, since its decider
     * died too. No clock is read to judge: the caller's knowledge is exact, a time comparison is not.
     *
     * @param why the note on the end's line
     * @return whether the lot had such a run or leftover
     * @throws ArcStateConflictException if the lot kept changing (something else runs it after all)
     */
    public boolean endAbandoned(String lot, String why) {
        boolean ended = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            LotView view = observe(lot);
            Optional<StateObject> listed = view.object(ArcState.running);
            if (listed.isEmpty()) {
                return ended;
            }
            Optional<StateObject> running = read(listed.get());
            if (running.isEmpty() || !running.get().hasEtag(listed.get().info().etag())) {
                continue; // changed since the listing: look again
            }
            if (view.current().orElse(null) == ArcState.running) {
                endAsMissing(lot, view, running.get(), why);
            } else { // a leftover beside the ended state (ADR-0003, "Leftovers")
                store.deleteIfMatch(arc.bucket(), running.get().info().key(), running.get().info().etag());
            }
            ended = true;
        }
        throw new ArcStateConflictException("arc " + arc.arcName() + " lot " + lot + " changed " + MAX_ROUNDS
                + " times while its abandoned run was being ended; does another process run it?");
    }

    /**
     * Ends a run that held the lot past the timeout as {@code missing}, unless it ended meanwhile. Only the run that
     * was judged stale is ended: the read must find the object as listed. Between the listing and the read, that run
     * may have been ended by another taker and a new run started under the same key; ending whatever the read finds
     * would end the new run, whose start already won, and start the lot a second time.
     */
    private void expire(String lot, LotView view, StateObject listed, Duration runningTimeout) {
        Optional<StateObject> running = read(listed);
        if (running.isEmpty() || !running.get().hasEtag(listed.info().etag())
                || !isStale(running.get(), runningTimeout)) {
            return; // ended, or replaced by a new run, since the listing: look again
        }
        endAsMissing(lot, view, running.get(), "no outcome recorded within the running timeout " + runningTimeout
                + " of a run started at " + running.get().info().lastModified() + "; the lot may run again");
    }

    /** Ends the run of {@code running} (read as listed) as {@code missing}, noting why; the end record decides. */
    private void endAsMissing(String lot, LotView view, StateObject running, String note) {
        StateBody body = running.body().absorbing(others(view, ArcState.running));
        String attempt = body.attempt().orElseGet(() -> StateObject.etagToken(running.info().etag()));
        Instant now = clock.instant();
        StateBody ended = body.append(ArcStateEntry.ended(ArcState.missing, attempt, now, note, null));
        Claim claim = claimEnd(lot, new AttemptEnd(attempt, ArcState.missing, AttemptEnd.EndedBy.timeout,
                now.toString(), ended.text()));
        applyEnd(lot, claim.end(), claim.created());
    }

    /**
     * {@code running.arc} beside {@code complete}: the complete gate's removal did not happen (it descends), or a start
     * lost its check and crashed before undoing itself (stale). Nothing may start after complete, so once the grace is
     * over it is removed.
     */
    private void removeRunningBesideComplete(String lot, LotView view, StateObject running, Duration runningTimeout) {
        StateObject complete = view.object(ArcState.complete).orElseThrow();
        boolean ended = complete.body().descendsFrom(running.body());
        if ((ended && graceOver(complete, runningTimeout)) || (!ended && isStale(running, runningTimeout))) {
            deleteIfHeldBy(lot, attemptOf(running));
        }
    }

    /**
     * Removes state objects the current one descends from: their history is in it, so removing them loses nothing.
     * They are what a crash, or a finisher of an ended run that was slower than the next start, leaves behind.
     * {@code running.arc} is not removed here but by finishing its run's end.
     */
    private void removeAncestors(LotView view) {
        Optional<StateObject> newest = view.current().flatMap(view::object);
        if (newest.isEmpty() || view.objects().size() < 2) {
            return;
        }
        for (StateObject other : view.objects().values()) {
            if (other != newest.get() && other.state() != ArcState.running
                    && newest.get().body().descendsFrom(other.body())) {
                store.deleteIfMatch(arc.bucket(), other.info().key(), other.info().etag());
            }
        }
    }

    /**
     * Creates the end record of a run if nobody has; returns whichever end was recorded first. The record carries a
     * token of this call, so that only its creator finds its own bytes there and acts as the decider.
     */
    private Claim claimEnd(String lot, AttemptEnd proposed) {
        AttemptEnd end = proposed.claimedBy(UUID.randomUUID().toString());
        byte[] json;
        try {
            json = Json.records().writeValueAsBytes(end);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write attempt end", e);
        }
        if (store.createIfAbsent(arc.bucket(), endKey(lot, end.arcAttempt()), json, JSON).isPresent()) {
            return new Claim(end, true);
        }
        return new Claim(readEnd(lot, end.arcAttempt()).orElseThrow(() -> new ArcStateConflictException("the end record"
                + " of run " + end.arcAttempt() + " of arc " + arc.arcName() + " lot " + lot + " exists but cannot be read")),
                false);
    }

    /** An end record and whether this call created it, which makes it the one to remove {@code running.arc}. */
    private record Claim(AttemptEnd end, boolean created) {
    }

    /**
     * Makes the lot show a recorded end: the new state object, no older ones, and, by the decider only, no
     * {@code running.arc}. Writing is idempotent (everyone writes the end record's bytes) and skipped once
     * {@code running.arc} no longer belongs to the run. Removing {@code running.arc} is left to one party, the decider,
     * and is conditional on the ETag it read, so it never removes a new run's {@code running.arc}, however long it
     * stalls. If the decider crashes, the next start replaces the leftover once the grace is over.
     */
    private void applyEnd(String lot, AttemptEnd end, boolean decider) {
        Optional<StoredObject> running = store.get(arc.bucket(), stateKey(lot, ArcState.running));
        if (running.isEmpty() || !end.arcAttempt().equals(attemptOf(running.get()))) {
            return;
        }
        StateBody body = StateBody.of(end.stateBody());
        writeState(lot, end, body);
        for (Map.Entry<ArcState, ObjectInfo> other : list(lot).entrySet()) {
            if (other.getKey() == end.state() || other.getKey() == ArcState.running) {
                continue;
            }
            // only states this run's history descends from are older; anything else is not ours to remove
            store.get(arc.bucket(), other.getValue().key())
                    .filter(object -> body.descendsFrom(StateBody.parse(object.body())))
                    .ifPresent(object -> store.deleteIfMatch(arc.bucket(), object.info().key(), object.info().etag()));
        }
        if (decider) {
            deleteIfHeldBy(lot, end.arcAttempt());
        }
    }

    private void writeState(String lot, AttemptEnd end, StateBody body) {
        String key = stateKey(lot, end.state());
        byte[] bytes = body.bytes();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (store.createIfAbsent(arc.bucket(), key, bytes, NDJSON).isPresent()) {
                return;
            }
            Optional<StoredObject> existing = store.get(arc.bucket(), key);
            if (existing.isEmpty()) {
                continue; // removed meanwhile: create again
            }
            if (end.arcAttempt().equals(attemptOf(existing.get()))) {
                return; // written by another finisher of the same end
            }
            if (end.state() == ArcState.complete) {
                throw new ArcStateConflictException("arc " + arc.arcName() + " lot " + lot + " is already complete by run "
                        + attemptOf(existing.get()) + "; run " + end.arcAttempt() + " cannot complete it again");
            }
            // an older partial/missing left behind by an earlier crash: replace it, only as we read it
            if (store.replaceIfMatch(arc.bucket(), key, bytes, NDJSON, existing.get().info().etag()).isPresent()) {
                return;
            }
        }
        throw new ArcStateConflictException("arc " + arc.arcName() + " lot " + lot + ": cannot write "
                + end.state().fileName() + " for run " + end.arcAttempt() + ", it kept changing");
    }

    /**
     * Removes {@code running.arc} if it belongs to {@code attempt}. The read and the delete are two requests, so the
     * delete is conditional on the ETag read: a new run that replaced a leftover (after the grace) or started after
     * another removal while this call stalled keeps its {@code running.arc}.
     */
    private void deleteIfHeldBy(String lot, String attempt) {
        store.get(arc.bucket(), stateKey(lot, ArcState.running))
                .filter(object -> attempt.equals(attemptOf(object)))
                .ifPresent(object -> store.deleteIfMatch(arc.bucket(), object.info().key(), object.info().etag()));
    }

    /** The bodies of the view's state objects other than {@code state}'s (read when the view holds several). */
    private static List<StateBody> others(LotView view, ArcState state) {
        return view.objects().values().stream()
                .filter(object -> object.state() != state && object.body() != null)
                .map(StateObject::body)
                .toList();
    }

    /**
     * Whether a state object was written long enough ago that the party that wrote it has finished removing
     * {@code running.arc} if it was going to: the lesser of a minute and the running timeout.
     */
    private boolean graceOver(StateObject ended, Duration runningTimeout) {
        Duration grace = runningTimeout.compareTo(LEFTOVER_GRACE) < 0 ? runningTimeout : LEFTOVER_GRACE;
        Instant written = ended.info().lastModified();
        return written != null && clock.instant().isAfter(written.plus(grace));
    }

    private boolean isStale(StateObject running, Duration runningTimeout) {
        Instant started = running.info().lastModified();
        return started != null && clock.instant().isAfter(started.plus(runningTimeout));
    }

    /** The object with its body: as it is when the view already read it, else read now (empty if gone). */
    private Optional<StateObject> bodied(StateObject object) {
        return object.body() != null ? Optional.of(object) : read(object);
    }

    private Optional<StateObject> read(StateObject listed) {
        return store.get(arc.bucket(), listed.info().key())
                .map(object -> listed.withBody(object.info(), StateBody.parse(object.body())));
    }

    private Optional<AttemptEnd> readEnd(String lot, String attempt) {
        return store.get(arc.bucket(), endKey(lot, attempt)).map(object -> {
            try {
                return Json.records().readValue(object.body(), AttemptEnd.class);
            } catch (IOException e) {
                throw new ArcStateConflictException("unreadable end record " + object.info().uri() + ": " + e.getMessage());
            }
        });
    }

    private Map<ArcState, ObjectInfo> list(String lot) {
        String prefix = lotPrefix(lot);
        Map<ArcState, ObjectInfo> found = new EnumMap<>(ArcState.class);
        store.listAll(arc.bucket(), prefix, null).forEach(info -> {
            // other names (e.g. running-x.arc) say nothing about the lot's state
            ArcStateURI.stateOfListed(info.key().substring(prefix.length())).ifPresent(state -> found.put(state, info));
        });
        return found;
    }

    private static String attemptOf(StateObject object) {
        return object.body().attempt().orElseGet(() -> StateObject.etagToken(object.info().etag()));
    }

    private static String attemptOf(StoredObject object) {
        return StateBody.parse(object.body()).attempt().orElseGet(() -> StateObject.etagToken(object.info().etag()));
    }

    String lotPrefix(String lot) {
        return arc.withLot(lot).keyPath();
    }

    String stateKey(String lot, ArcState state) {
        return arc.withLot(lot).withState(state).key();
    }

    String endKey(String lot, String attempt) {
        return arc.withLot(lot).attemptEndKey(attempt);
    }

    private ArcAttemptSupersededException superseded(String lot, String attempt, AttemptEnd end) {
        return new ArcAttemptSupersededException(lot, attempt, "run " + attempt + " of arc " + arc.arcName() + " lot "
                + lot + " was ended by " + (end.endedBy() == AttemptEnd.EndedBy.timeout
                ? "a later start after its running timeout" : "its " + end.endedBy()) + " at " + end.time() + " as "
                + end.state() + "; its outcome is not recorded");
    }

    private static String describe(Optional<ArcState> state) {
        return state.map(ArcState::name).orElse("(none)");
    }

    @Override
    public String toString() {
        return "arc state at " + arc.template();
    }
}
