package io.clusterless.runtime.arc;

import io.clusterless.engine.entry.LambdaFunction;

import java.util.ArrayList;
import java.util.List;

/** The start and complete gates every arc type deploys around its workload, for each arc type's entry points. */
public final class ArcGates {
    private ArcGates() {
    }

    /** The gates followed by the arc type's own functions. */
    public static List<LambdaFunction> with(LambdaFunction... functions) {
        List<LambdaFunction> all = new ArrayList<>();
        all.add(LambdaFunction.of("start", ArcStartHandler.class));
        all.add(LambdaFunction.of("complete", ArcCompleteHandler.class));
        all.addAll(List.of(functions));
        return List.copyOf(all);
    }
}
