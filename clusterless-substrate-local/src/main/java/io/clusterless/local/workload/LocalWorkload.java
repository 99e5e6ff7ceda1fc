package io.clusterless.local.workload;

import io.clusterless.arc.ArcProps;
import io.clusterless.event.ArcWorkloadContext;

import java.util.Map;

/** What runs between an arc's start and complete gates for one lot; returns sink role → manifest identifier. */
public interface LocalWorkload {
    Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception;
}
