package io.clusterless.engine.plan.athena;

import io.clusterless.engine.plan.RuntimeHandlers.WorkloadFunction;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;

/** The Lambda function of an athenaQueryArc: {@code …-func-…}, which prepares each lot's statement and lists its result. */
public final class AthenaEntryPoint {
    public static final String HANDLER = "io.clusterless.runtime.workload.athena.AthenaQueryHandler";
    public static final String TYPE = AthenaQueryArc.TYPE;
    public static final WorkloadFunction FUNCTION = new WorkloadFunction("func", HANDLER);

    private AthenaEntryPoint() {
    }
}
