package io.clusterless.model.core.arc.function;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.model.Architecture;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.WorkloadSettings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** WorkloadSettings of a lambdaExecArc: the user's function and how it runs. */
@JsonPropertyOrder({"runtime", "handler", "codePath", "environment", "runtimeProps"})
public class LambdaExecSettings implements WorkloadSettings {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Lambda runtime: python3.12, python3.13, python3.14, nodejs22.x, nodejs24.x, java21 or java25.")
    private String runtime;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Python module.function, Node file.function (CommonJS or .mjs), Java package.Class::method "
            + "or a class implementing RequestHandler.")
    private String handler;
    @JsonProperty(required = true)
    @JsonPropertyDescription("The code, relative to the project file: a folder (Python, Node; zipped as it is, "
            + "dependencies vendored) or a .zip/.jar file (Java).")
    private String codePath;
    @JsonPropertyDescription("Environment variables of the function.")
    private Map<String, String> environment = new LinkedHashMap<>();
    @JsonPropertyDescription("Lambda props of the function; retryAttempts are the state machine's retries of a failed "
            + "invocation.")
    private LambdaRuntimeProps runtimeProps = new LambdaRuntimeProps(1024, 2, 5, Architecture.ARM_64);

    public String getRuntime() {
        return runtime;
    }

    /** The runtime, if {@link #getRuntime()} names a supported one. */
    public Optional<FunctionRuntime> functionRuntime() {
        return FunctionRuntime.of(runtime);
    }

    public String getHandler() {
        return handler;
    }

    public String getCodePath() {
        return codePath;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public LambdaRuntimeProps getRuntimeProps() {
        return runtimeProps;
    }
}
