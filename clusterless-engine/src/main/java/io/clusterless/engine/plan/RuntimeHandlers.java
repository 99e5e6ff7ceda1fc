package io.clusterless.engine.plan;

import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;

import java.util.Map;
import java.util.Optional;

/**
 * Which runtime function serves each arc type's workload: the function-name suffix of reference §3.1 and the
 * handler class. The one place an arc type meets its runtime code.
 */
public final class RuntimeHandlers {
    /** A workload's Lambda function: name suffix ({@code func}, {@code result}) and handler class. */
    public record WorkloadFunction(String suffix, String handlerClass) {
    }

    private static final Map<String, WorkloadFunction> WORKLOADS = Map.of(
            S3CopyArc.TYPE, new WorkloadFunction("func", EntryPoints.S3_COPY),
            GlueAddPartitionsArc.TYPE, new WorkloadFunction("func", EntryPoints.GLUE_ADD_PARTITIONS),
            BatchExecArc.TYPE, new WorkloadFunction("result", EntryPoints.BATCH_RESULT),
            // cls's side of the contract; the user's own function is the arc's "func"
            LambdaExecArc.TYPE, new WorkloadFunction("result", EntryPoints.FUNCTION_CONTRACT),
            io.clusterless.engine.plan.athena.AthenaEntryPoint.TYPE, io.clusterless.engine.plan.athena.AthenaEntryPoint.FUNCTION); // athena:

    private RuntimeHandlers() {
    }

    public static Optional<WorkloadFunction> workload(String arcType) {
        return Optional.ofNullable(WORKLOADS.get(arcType));
    }
}
