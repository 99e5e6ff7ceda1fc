package io.clusterless.arcstate;

import java.util.stream.Collectors;

/**
 * A proposed move of a lot's arc state (reference §4.3). Gates check it before copying the state object, so an
 * illegal move fails with a message instead of corrupting the lot's state.
 *
 * @param from the current state, {@code null} when the lot has never run
 * @param to   the new state, required
 */
public record ArcStateTransition(ArcState from, ArcState to) {
    public ArcStateTransition {
        if (to == null) {
            throw new IllegalArgumentException("arc state transition needs a target state");
        }
    }

    public static ArcStateTransition of(ArcState from, ArcState to) {
        return new ArcStateTransition(from, to);
    }

    public boolean isAllowed() {
        return from == null ? to == ArcState.running : from.canTransitionTo(to);
    }

    /**
     * @return this transition
     * @throws IllegalStateException naming the states and what the current state allows
     */
    public ArcStateTransition requireAllowed() {
        if (!isAllowed()) {
            throw new IllegalStateException("arc state cannot move from " + describe(from) + " to " + to
                    + "; from " + describe(from) + " it may move to: " + allowedFrom(from));
        }
        return this;
    }

    private static String describe(ArcState state) {
        return state == null ? "(no state)" : state.name();
    }

    private static String allowedFrom(ArcState state) {
        if (state == null) {
            return ArcState.running.name();
        }
        String allowed = state.successors().stream().map(Enum::name).collect(Collectors.joining(", "));
        return allowed.isEmpty() ? "nothing, it is final" : allowed;
    }

    @Override
    public String toString() {
        return describe(from) + " -> " + to;
    }
}
