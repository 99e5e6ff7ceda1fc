package io.clusterless.engine.activity;

import java.time.Duration;

/** Waits; injectable so that backoff can be tested without waiting minutes. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
