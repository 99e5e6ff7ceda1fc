package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one listing of a lot's arc state found, and the state it means. Normally a lot has exactly one
 * {@code <state>.arc}; a crash between the two writes of a transition can leave two, and then (reading their bodies):
 * <ol>
 *   <li>a state object whose history descends from the others' is the newer one and wins (a run that ended but
 *   did not remove its {@code running.arc}; a start that did not remove the old {@code partial.arc}; a replay that
 *   reopened a complete lot but did not remove {@code complete.arc}, ADR-0006);</li>
 *   <li>else {@code complete} wins: nothing may run after it short of a reopening, which descends from it;</li>
 *   <li>else {@code running}, then {@code partial}, then {@code missing}: a run in doubt is left alone until its
 *   timeout rather than run twice.</li>
 * </ol>
 * The losers are left for the next transition to remove.
 */
public final class LotView {
    private final String lot;
    private final Map<ArcState, StateObject> objects;
    private final ArcState current;

    LotView(String lot, Map<ArcState, StateObject> objects) {
        this.lot = lot;
        EnumMap<ArcState, StateObject> copy = new EnumMap<>(ArcState.class);
        copy.putAll(objects);
        this.objects = Collections.unmodifiableMap(copy);
        this.current = resolve(this.objects);
    }

    public String lot() {
        return lot;
    }

    /** The lot's state; empty when it never ran. */
    public Optional<ArcState> current() {
        return Optional.ofNullable(current);
    }

    /** The state objects found, one per state; normally one. */
    public List<ArcState> states() {
        return List.copyOf(objects.keySet());
    }

    Map<ArcState, StateObject> objects() {
        return objects;
    }

    Optional<StateObject> object(ArcState state) {
        return Optional.ofNullable(objects.get(state));
    }

    /** The state objects other than {@code running}. */
    List<StateObject> ended() {
        return objects.values().stream().filter(object -> object.state() != ArcState.running).toList();
    }

    private static ArcState resolve(Map<ArcState, StateObject> objects) {
        if (objects.isEmpty()) {
            return null;
        }
        if (objects.size() == 1) {
            return objects.keySet().iterator().next();
        }
        for (StateObject candidate : objects.values()) {
            boolean newest = objects.values().stream()
                    .allMatch(other -> other == candidate || candidate.body().descendsFrom(other.body()));
            if (newest) {
                return candidate.state();
            }
        }
        if (objects.containsKey(ArcState.complete)) {
            return ArcState.complete;
        }
        for (ArcState state : List.of(ArcState.running, ArcState.partial, ArcState.missing)) {
            if (objects.containsKey(state)) {
                return state;
            }
        }
        throw new IllegalStateException("unreachable: no state among " + objects.keySet());
    }

    @Override
    public String toString() {
        return "lot " + lot + ": " + (current == null ? "(no state)" : current) + " " + objects.keySet();
    }
}
