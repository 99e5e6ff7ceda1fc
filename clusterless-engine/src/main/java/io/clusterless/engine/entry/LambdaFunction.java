package io.clusterless.engine.entry;

import java.util.Objects;

/**
 * One Lambda function of a component type.
 *
 * @param suffix   the function-name suffix of reference §3.1 ({@code int}, {@code act}, {@code start}, {@code func}…)
 * @param variant  which of several handlers of one suffix this is, chosen by the type's planner from the component's
 *                 settings (e.g. {@code frequent}); null where the suffix has one handler
 * @param handler  the entry point class; null where the user's own code serves the function
 * @param workload true for the arc's workload function, the one its state machine runs between the gates
 */
public record LambdaFunction(String suffix, String variant, Class<?> handler, boolean workload) {
    public LambdaFunction {
        Objects.requireNonNull(suffix, "suffix");
    }

    public static LambdaFunction of(String suffix, Class<?> handler) {
        return new LambdaFunction(suffix, null, Objects.requireNonNull(handler, "handler"), false);
    }

    public static LambdaFunction variant(String suffix, String variant, Class<?> handler) {
        return new LambdaFunction(suffix, Objects.requireNonNull(variant, "variant"),
                Objects.requireNonNull(handler, "handler"), false);
    }

    public static LambdaFunction workload(String suffix, Class<?> handler) {
        return new LambdaFunction(suffix, null, Objects.requireNonNull(handler, "handler"), true);
    }

    /** A function cls deploys from the user's code (e.g. lambdaExecArc's {@code func}): no handler of ours. */
    public static LambdaFunction userCode(String suffix) {
        return new LambdaFunction(suffix, null, null, false);
    }

    public boolean userCode() {
        return handler == null;
    }
}
