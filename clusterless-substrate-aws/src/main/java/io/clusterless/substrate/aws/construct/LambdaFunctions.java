package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.model.Architecture;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionOptions;
import software.amazon.awscdk.services.lambda.FunctionProps;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.RuntimeFamily;
import software.constructs.Construct;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lambda functions (the L2 {@link Function}) whose code, runtime, architecture and SnapStart setting go to node as
 * wire values ({@link WireValues}): touching the Java classes {@code lambda.Runtime}, {@code Architecture} or
 * {@code SnapStartConf} would cost about 110 round trips of static constants per synth, and a code object mapped to
 * Java one round trip more.
 */
public final class LambdaFunctions {
    private static final String RUNTIME = "aws-cdk-lib.aws_lambda.Runtime";

    private LambdaFunctions() {
    }

    /** {@code Code.fromAsset(path)}: the code object stays node's (mapped to Java, it costs jsii a round trip more). */
    public static JsonNode assetCode(String path) {
        return WireValues.callStatic("aws-cdk-lib.aws_lambda.Code", "fromAsset", path);
    }

    /** Node's {@code Runtime.JAVA_21}. */
    public static JsonNode java21() {
        return WireValues.constant(RUNTIME, "JAVA_21");
    }

    /** A runtime of {@code family} by its Lambda identifier ({@code python3.12}), as {@code new Runtime(id, family)}. */
    public static JsonNode runtime(String id, RuntimeFamily family) {
        return WireValues.create(RUNTIME, id, family);
    }

    /**
     * The function: {@code options} (built without architecture, runtime and SnapStart) with {@code code},
     * {@code handler} and {@code runtime}, on {@code architecture}, with SnapStart on published versions when
     * {@code snapStart}.
     */
    public static Function create(Construct scope, String id, JsonNode code, String handler, JsonNode runtime,
                                  Architecture architecture, boolean snapStart, FunctionOptions options) {
        Map<String, JsonNode> required = new LinkedHashMap<>();
        required.put("code", code);
        required.put("handler", WireValues.of(handler));
        required.put("runtime", runtime);
        Map<String, JsonNode> optional = new LinkedHashMap<>();
        optional.put("architecture", WireValues.constant("aws-cdk-lib.aws_lambda.Architecture",
                architecture == Architecture.X86_64 ? "X86_64" : "ARM_64"));
        if (snapStart) {
            optional.put("snapStart", WireValues.constant("aws-cdk-lib.aws_lambda.SnapStartConf",
                    "ON_PUBLISHED_VERSIONS"));
        }
        return new Function(scope, id, new WireProps(handler,
                WireValues.struct("aws-cdk-lib.aws_lambda.FunctionProps", required, options, optional)));
    }

    /** Props jsii sends as {@code wire}; Java's getters answer only what is not a wire value. */
    private record WireProps(String handler, ObjectNode wire) implements FunctionProps {
        @Override
        public Code getCode() {
            throw new UnsupportedOperationException("the code is node's object, sent as " + data().get("code"));
        }

        @Override
        public String getHandler() {
            return handler;
        }

        @Override
        public Runtime getRuntime() {
            throw new UnsupportedOperationException("the runtime is node's object, sent as " + data().get("runtime"));
        }

        private JsonNode data() {
            return wire.get("$jsii.struct").get("data");
        }

        @Override
        public JsonNode $jsii$toJson() {
            return wire;
        }
    }
}
