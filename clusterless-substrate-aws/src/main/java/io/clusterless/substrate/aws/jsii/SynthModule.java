package io.clusterless.substrate.aws.jsii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;

import java.util.List;

/**
 * cls's own jsii module, {@code clusterless-synth} (src/main/jsii, ADR 17): work of a synth done in node in one round
 * trip where the Java side would need many. Its bundle is built with this module (an npm tarball next to this class);
 * {@link JsiiStart} loads it after aws-cdk-lib, from the user cache like the CDK's own modules. Its types are only
 * called through static methods with wire values, so no node object is ever mapped to a Java class of it.
 */
public final class SynthModule extends JsiiModule {
    public static final String NAME = "clusterless-synth";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whether {@link #call} had jsii load the module: jsii keeps one node process, and its modules, per JVM. */
    private static volatile boolean loaded;

    public SynthModule() {
        super(NAME, "1.0.0", SynthModule.class, NAME + "@1.0.0.jsii.tgz");
    }

    /**
     * Static method {@code method} of the module's class {@code type} (e.g. {@code Nag}) called with {@code args}
     * (Java values of the CDK, wire values, JSON-like lists and maps), after making sure jsii's node process has the
     * module loaded; its result in wire form.
     */
    public static JsonNode call(String type, String method, Object... args) {
        if (!loaded) {
            // jsii's loadModule makes a new module object by reflection before it looks the name up: once is enough
            JsiiEngine.getInstance().loadModule(SynthModule.class);
            loaded = true;
        }
        return WireValues.callStatic(NAME + "." + type, method, args);
    }

    /**
     * {@code value} (lists, maps, strings, numbers, booleans) as JSON text: how the module takes data that holds no
     * node object, which it parses in one go where the kernel would check and convert each value of a list or map.
     */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON data: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    protected List<Class<? extends JsiiModule>> getDependencies() {
        return List.of(software.amazon.awscdk.$Module.class);
    }

    @Override
    protected Class<?> resolveClass(String fqn) throws ClassNotFoundException {
        throw new ClassNotFoundException(fqn + ": " + NAME + " has no Java classes, only static methods called by "
                + "name");
    }
}
