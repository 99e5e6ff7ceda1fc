package io.clusterless.cli.command;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@code Main} may end jsii's node itself: only after a start, and only once every start has ended. */
class JsiiLifecycleTest {
    @Test
    void withoutAStart_thereIsNothingToEnd() {
        assertThat(JsiiLifecycle.ended(List.of())).isFalse();
    }

    @Test
    void aStartStillLoadingTheCdk_isLeftToJsiisOwnEnd() {
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        assertThat(JsiiLifecycle.ended(List.of(done, new CompletableFuture<>()))).isFalse();
    }

    @Test
    void endedStarts_evenFailedOnes_mayBeEnded() {
        CompletableFuture<Void> failed = CompletableFuture.failedFuture(new IllegalStateException("no node"));
        assertThat(JsiiLifecycle.ended(List.of(CompletableFuture.completedFuture(null), failed))).isTrue();
    }
}
