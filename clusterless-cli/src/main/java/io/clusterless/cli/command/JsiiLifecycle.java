package io.clusterless.cli.command;

import io.clusterless.substrate.aws.synth.AwsSynthesizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * jsii's start, as the commands begin it, and its end, as {@code Main} ends the process: every start goes through
 * {@link #start}, so {@code Main} knows whether there is a node process to end without loading a class of the CDK's.
 */
public final class JsiiLifecycle {
    private static final List<CompletableFuture<Void>> STARTS = new ArrayList<>();

    private JsiiLifecycle() {
    }

    /** {@link AwsSynthesizer#warmUp}: starts jsii (node, the CDK's modules) in the background. */
    static synchronized CompletableFuture<Void> start() {
        CompletableFuture<Void> start = AwsSynthesizer.warmUp();
        STARTS.add(start);
        return start;
    }

    /**
     * Asks jsii's node process to exit ({@link AwsSynthesizer#beginJsiiStop}) when a start began one and every start
     * has ended (a start still loading the CDK's modules is left to jsii's own end, so no request is cut short); empty
     * otherwise. Running what it returns waits for node's exit.
     */
    public static synchronized Optional<Runnable> beginStop() {
        return ended(STARTS) ? AwsSynthesizer.beginJsiiStop() : Optional.empty();
    }

    /** Whether there was a start and every start has ended (loaded the CDK's modules, or failed). */
    static boolean ended(List<CompletableFuture<Void>> starts) {
        return !starts.isEmpty() && starts.stream().allMatch(CompletableFuture::isDone);
    }
}
