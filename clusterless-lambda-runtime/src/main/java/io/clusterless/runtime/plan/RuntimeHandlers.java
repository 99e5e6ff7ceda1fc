package io.clusterless.runtime.plan;

import io.clusterless.model.core.arc.BatchExecArc;
import io.clusterless.model.core.arc.GlueAddPartitionsArc;
import io.clusterless.model.core.arc.LambdaExecArc;
import io.clusterless.model.core.arc.S3CopyArc;
import io.clusterless.runtime.workload.batch.BatchResultHandler;
import io.clusterless.runtime.workload.function.FunctionContractHandler;
import io.clusterless.runtime.workload.glue.GlueAddPartitionsHandler;
import io.clusterless.runtime.workload.s3copy.S3CopyHandler;

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
            S3CopyArc.TYPE, new WorkloadFunction("func", S3CopyHandler.class.getName()),
            GlueAddPartitionsArc.TYPE, new WorkloadFunction("func", GlueAddPartitionsHandler.class.getName()),
            BatchExecArc.TYPE, new WorkloadFunction("result", BatchResultHandler.class.getName()),
            // cls's side of the contract; the user's own function is the arc's "func"
            LambdaExecArc.TYPE, new WorkloadFunction("result", FunctionContractHandler.class.getName()));

    private RuntimeHandlers() {
    }

    public static Optional<WorkloadFunction> workload(String arcType) {
        return Optional.ofNullable(WORKLOADS.get(arcType));
    }
}
