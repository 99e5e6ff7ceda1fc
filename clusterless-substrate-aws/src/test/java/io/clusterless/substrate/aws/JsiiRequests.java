package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the requests jsii's Java runtime sends node from this thread while a block runs: the protocol is the
 * measure of a synth's cost. jsii has a per-thread message inspector for this (what JSII_DEBUG prints, but only
 * the messages of one thread), package-private, so it is reached by reflection; test code only.
 */
public final class JsiiRequests {
    private JsiiRequests() {
    }

    public static List<JsonNode> during(Runnable block) {
        List<JsonNode> requests = new ArrayList<>();
        try {
            Class<?> inspector = Class.forName("software.amazon.jsii.MessageInspector");
            Field field = Class.forName("software.amazon.jsii.JsiiRuntime").getDeclaredField("messageInspector");
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            ThreadLocal<Object> local = (ThreadLocal<Object>) field.get(null);
            local.set(Proxy.newProxyInstance(inspector.getClassLoader(), new Class<?>[]{inspector},
                    (proxy, method, args) -> {
                        if (method.getName().equals("inspect") && String.valueOf(args[1]).equals("Request")) {
                            requests.add((JsonNode) args[0]);
                        }
                        return null;
                    }));
            try {
                block.run();
            } finally {
                local.remove();
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("jsii's Java runtime changed: no per-thread message inspector", e);
        }
        return requests;
    }
}
