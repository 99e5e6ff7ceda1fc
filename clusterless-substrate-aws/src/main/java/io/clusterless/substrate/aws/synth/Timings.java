package io.clusterless.substrate.aws.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Wall time of each synthesis phase, so slow synths can be explained (benchmarks, {@code -v}, CLS_TIMINGS). */
public final class Timings {
    /** One measured phase. */
    public record Phase(String name, long millis) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the current phase under {@code name} and starts the next one. */
    public void mark(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, (now - last) / 1_000_000));
        last = now;
    }

    public void add(String name, long millis) {
        phases.add(new Phase(name, millis));
    }

    /** A phase that came before every phase recorded here (measured by the caller). */
    public void addFirst(String name, long millis) {
        phases.add(0, new Phase(name, millis));
    }

    public List<Phase> phases() {
        return Collections.unmodifiableList(phases);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Phase phase : phases) {
            text.append(text.length() == 0 ? "" : ", ").append(phase.name()).append(' ').append(phase.millis()).append(" ms");
        }
        return text.toString();
    }
}
