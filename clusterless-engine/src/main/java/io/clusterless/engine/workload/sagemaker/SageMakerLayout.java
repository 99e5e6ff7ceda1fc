package io.clusterless.engine.workload.sagemaker;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SageMaker's folders in a job's container, under {@code /opt/ml} on AWS and under a temporary folder in
 * {@code cls local run}, and the environment variables that name them, set in both places, so a script that reads
 * the variables runs unchanged in either:
 * <ul>
 *   <li>{@code CLS_LOT}, {@code CLS_JOB_NAME}: the lot and the job;</li>
 *   <li>processing: {@code CLS_PROCESSING_INPUT} ({@code /opt/ml/processing/input}, one folder per source role) and
 *   {@code CLS_PROCESSING_OUTPUT} ({@code /opt/ml/processing/output}, one folder per sink role);</li>
 *   <li>training (the names of SageMaker's training toolkit): {@code SM_CHANNEL_<ROLE>}
 *   ({@code /opt/ml/input/data/<role>}), {@code SM_MODEL_DIR} ({@code /opt/ml/model}), {@code SM_OUTPUT_DATA_DIR}
 *   ({@code /opt/ml/output/data}) and {@code SM_INPUT_CONFIG_DIR} ({@code /opt/ml/input/config}, which holds
 *   {@code hyperparameters.json}).</li>
 * </ul>
 *
 * @param root {@code /opt/ml}, or the local folder standing for it
 */
public record SageMakerLayout(Kind kind, String root) {
    public static final String AWS_ROOT = "/opt/ml";
    public static final String LOT = "CLS_LOT";
    public static final String JOB_NAME = "CLS_JOB_NAME";

    public enum Kind {
        processing, training
    }

    public static SageMakerLayout aws(Kind kind) {
        return new SageMakerLayout(kind, AWS_ROOT);
    }

    public String input(String role) {
        return kind == Kind.processing ? root + "/processing/input/" + role : root + "/input/data/" + role;
    }

    public String output(String role) {
        return root + "/processing/output/" + role;
    }

    public String model() {
        return root + "/model";
    }

    public String outputData() {
        return root + "/output/data";
    }

    public String config() {
        return root + "/input/config";
    }

    /** The variables naming the folders (not the lot's: {@link #LOT}, {@link #JOB_NAME}), in a fixed order. */
    public Map<String, String> variables(Set<String> sourceRoles) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (kind == Kind.processing) {
            variables.put("CLS_PROCESSING_INPUT", root + "/processing/input");
            variables.put("CLS_PROCESSING_OUTPUT", root + "/processing/output");
            return variables;
        }
        for (String role : sourceRoles) {
            variables.put(channelVariable(role), input(role));
        }
        variables.put("SM_MODEL_DIR", model());
        variables.put("SM_OUTPUT_DATA_DIR", outputData());
        variables.put("SM_INPUT_CONFIG_DIR", config());
        return variables;
    }

    /** {@code SM_CHANNEL_<ROLE>}: the role upper-cased, '.' and '-' as '_'. */
    public static String channelVariable(String role) {
        return "SM_CHANNEL_" + role.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
