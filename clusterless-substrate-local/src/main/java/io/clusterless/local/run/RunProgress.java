package io.clusterless.local.run;

/**
 * A moment of a run, for a progress line.
 *
 * @param arrivals    objects noticed in landing folders
 * @param lotsClosed  frequent intervals closed
 * @param arcRuns     arc runs finished (workload ran)
 * @param skipped     arc events that found their lot running or complete
 * @param failed      arc runs that ended missing, partial or refused
 * @param running     arc runs in progress or waiting
 * @param seconds     since the run started
 */
public record RunProgress(long arrivals, long lotsClosed, long arcRuns, long skipped, long failed, int running,
                          double seconds) {
    public String line() {
        double rate = seconds > 0 ? arcRuns / seconds : 0;
        return String.format("arrivals %d  intervals closed %d  arc runs %d (%d failed)  running %d  %.1f runs/s",
                arrivals, lotsClosed, arcRuns, failed, running, rate);
    }
}
