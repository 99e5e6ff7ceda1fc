package io.clusterless.runtime.lambda;

import io.clusterless.json.Json;

import java.io.IOException;
import java.util.Map;

/**
 * Reads a handler's props from its environment variable {@code CLS_<NAME>_JSON}: plain JSON, readable by people
 * and by workloads written in any language. (The original duplicated it as {@code _JAVA} with type hints; one copy
 * halves what counts against Lambda's 4 KB environment limit.)
 */
public final class HandlerProps {
    private HandlerProps() {
    }

    public static <T> T read(Map<String, String> environment, String variable, Class<T> type) {
        String json = environment.get(variable);
        if (json == null || json.isBlank()) {
            throw new IllegalStateException("environment variable " + variable + " is not set; it holds this "
                    + "function's configuration and is written by the deployment");
        }
        try {
            return Json.records().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("environment variable " + variable + " is not valid JSON for "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
