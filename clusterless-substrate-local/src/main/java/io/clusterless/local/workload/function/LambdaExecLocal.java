package io.clusterless.local.workload.function;

import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.workload.LocalArcType;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.core.arc.function.FunctionRuntime;
import io.clusterless.model.core.arc.function.LambdaExecArc;
import io.clusterless.model.core.arc.function.LambdaExecSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** lambdaExecArc on one machine: the user's handler in a child process of its runtime ({@link LocalFunctionExecutor}). */
public final class LambdaExecLocal implements LocalArcType {
    @Override
    public String componentType() {
        return LambdaExecArc.TYPE;
    }

    @Override
    public LocalExecutor executor(LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        LambdaExecArc function = (LambdaExecArc) arc.model();
        LambdaExecSettings workload = function.getWorkload();
        String name = function.getName();
        FunctionRuntime runtime = workload.functionRuntime().orElseThrow(() -> new IllegalArgumentException("arc "
                + name + ": runtime \"" + workload.getRuntime() + "\" is not supported; use one of "
                + FunctionRuntime.allIds()));
        Path code = context.projectDir().resolve(String.valueOf(workload.getCodePath())).toAbsolutePath().normalize();
        if (!Files.exists(code)) {
            throw new IllegalArgumentException("arc " + name + ": codePath '" + workload.getCodePath()
                    + "' does not exist beside the project file (" + code + ")");
        }
        String program = runtime.language().program();
        if (FunctionLaunchers.onPath(program, context.path()).isEmpty()) {
            // before any lot runs: every lot would fail the same way
            throw new IllegalArgumentException("arc " + name + ": runtime " + runtime.id() + " needs " + program
                    + " on the PATH to run locally; install " + runtime.language().displayName()
                    + " or put it on the PATH");
        }
        LocalFunctionExecutor.Spec spec = new LocalFunctionExecutor.Spec(arc.gateProps().arc().project(), name,
                arc.project().lambdaFunction(name, "func"), workload, code, context.endpointEnvironment(arc),
                Duration.ofMinutes(workload.getRuntimeProps().getTimeoutMin()));
        return new LocalFunctionExecutor(spec, context.store(),
                new FunctionLaunchers(context.localDir().resolve("launchers")), context.tmpDir(),
                context.logDir(name), context.leases(), context.clock(), context.path());
    }
}
