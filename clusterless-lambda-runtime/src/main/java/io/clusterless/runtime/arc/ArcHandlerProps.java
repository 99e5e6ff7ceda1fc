package io.clusterless.runtime.arc;

import io.clusterless.engine.arc.ArcGateProps;
import java.util.Map;

/** Reads the gates' props from the environment, with messages that say what is wrong and who writes it. */
final class ArcHandlerProps {
    static final String VARIABLE = "CLS_ARC_STATE_PROPS_JSON";

    private ArcHandlerProps() {
    }

    static ArcGateProps fromEnvironment(Map<String, String> environment) {
        String json = environment.get(VARIABLE);
        if (json == null || json.isBlank()) {
            throw new IllegalStateException("environment variable " + VARIABLE + " is not set; it holds this "
                    + "function's configuration and is written by the deployment");
        }
        try {
            return ArcGateProps.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable " + VARIABLE + ": " + e.getMessage(), e);
        }
    }
}
