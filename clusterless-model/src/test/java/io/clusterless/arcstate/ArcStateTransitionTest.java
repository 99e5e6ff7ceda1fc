package io.clusterless.arcstate;

import org.junit.jupiter.api.Test;

import static io.clusterless.arcstate.ArcState.complete;
import static io.clusterless.arcstate.ArcState.missing;
import static io.clusterless.arcstate.ArcState.partial;
import static io.clusterless.arcstate.ArcState.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArcStateTransitionTest {
    @Test
    void aLotWithoutStateMayOnlyStartRunning() {
        assertThat(ArcStateTransition.of(null, running).isAllowed()).isTrue();
        assertThat(ArcStateTransition.of(null, complete).isAllowed()).isFalse();
    }

    @Test
    void allowedTransitionsPassValidation() {
        ArcStateTransition transition = ArcStateTransition.of(running, partial);

        assertThat(transition.requireAllowed()).isSameAs(transition);
    }

    @Test
    void aFinalStateRefusesEveryMoveSayingItIsFinal() {
        assertThatThrownBy(() -> ArcStateTransition.of(complete, running).requireAllowed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("arc state cannot move from complete to running; from complete it may move to: nothing, it is final");
    }

    @Test
    void anIllegalMoveNamesTheAllowedOnes() {
        assertThatThrownBy(() -> ArcStateTransition.of(missing, complete).requireAllowed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("arc state cannot move from missing to complete; from missing it may move to: running");
        assertThatThrownBy(() -> ArcStateTransition.of(null, partial).requireAllowed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("arc state cannot move from (no state) to partial; from (no state) it may move to: running");
    }

    @Test
    void aTransitionNeedsATarget() {
        assertThatThrownBy(() -> ArcStateTransition.of(running, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("arc state transition needs a target state");
    }

    @Test
    void describesItselfAsAnArrow() {
        assertThat(ArcStateTransition.of(null, running)).hasToString("(no state) -> running");
        assertThat(ArcStateTransition.of(running, complete)).hasToString("running -> complete");
    }
}
