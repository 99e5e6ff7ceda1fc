package io.clusterless.local.workload;

import io.clusterless.arc.ArcProps;
import io.clusterless.event.ArcWorkloadContext;

import java.util.Map;

/**
 * The local substrate's executor of one arc: what runs between the arc's start and complete gates for one lot;
 * returns sink role → manifest identifier. Made by the arc type's {@link LocalArcType}; closed when the run ends,
 * after its last lot.
 */
public interface LocalExecutor extends AutoCloseable {
    Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception;

    /**
     * {@link #run} with what the workload measured about the run ({@code ArcStateContext.workloadMetrics}, recorded
     * by the complete gate); none by default.
     */
    default Result runMeasured(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception {
        return new Result(run(context, props, attemptId), Map.of());
    }

    /** The sink manifests (role → identifier) and the measurements of one run, by name. */
    record Result(Map<String, String> sinkManifests, Map<String, Long> workloadMetrics) {
        public Result {
            sinkManifests = Map.copyOf(sinkManifests);
            workloadMetrics = Map.copyOf(workloadMetrics);
        }
    }

    /** Releases what the executor keeps between lots (an engine, connections); nothing by default. */
    @Override
    default void close() {
    }
}
