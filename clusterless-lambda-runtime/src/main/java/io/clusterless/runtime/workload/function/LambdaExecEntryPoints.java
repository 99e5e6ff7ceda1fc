package io.clusterless.runtime.workload.function;

import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.runtime.arc.ArcGates;

import java.util.List;

/**
 * lambdaExecArc's functions: the gates, the user's own handler as {@code func}, and cls's side of the function
 * contract, {@link FunctionContractHandler}, as {@code result}: the workload function that invokes {@code func}.
 */
public final class LambdaExecEntryPoints implements LambdaEntryPoints {
    @Override
    public String componentType() {
        return LambdaExecArc.TYPE;
    }

    @Override
    public List<LambdaFunction> functions() {
        return ArcGates.with(LambdaFunction.userCode("func"),
                LambdaFunction.workload("result", FunctionContractHandler.class));
    }
}
