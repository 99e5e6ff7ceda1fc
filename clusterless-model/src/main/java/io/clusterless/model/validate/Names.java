package io.clusterless.model.validate;

import java.util.regex.Pattern;

/**
 * What characters a declared name may hold, derived from where synth and local run put it (reference §3.1, §4):
 * <ul>
 *   <li>component names go, hyphenated, into CloudFormation stack names ({@code [A-Za-z][-A-Za-z0-9]*}), Lambda
 *   function, EventBridge rule, SQS queue, Step Functions and Batch names, and verbatim into S3 keys
 *   ({@code arc=<arc>}) and local folders: ASCII letters, digits, '-' and '_', starting with a letter or digit
 *   (the stage or project name comes first in every physical name);</li>
 *   <li>dataset names and versions become key segments of manifests and metadata ({@code name=…/version=…}) and
 *   folder names of local run: ASCII letters, digits, '.', '-' and '_', starting with a letter or digit, no "..";</li>
 *   <li>Glue database and table names become folders of local run's catalog: letters, digits, '_' and '-'.</li>
 * </ul>
 * Each check returns why the value is refused, as one line naming what to do, or null.
 */
public final class Names {
    static final int COMPONENT_MAX = 64;
    static final int SEGMENT_MAX = 128;
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern GLUE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");
    /** Glue allows 255; local run's catalog adds ".json" to a table's file name, and folders allow 255. */
    private static final int GLUE_MAX = 250;
    private static final Pattern EVENT_BUS = Pattern.compile("[/.\\-_A-Za-z0-9]+");
    private static final int EVENT_BUS_MAX = 256;
    private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]+");
    private static final int LOG_GROUP_MAX = 512;

    private Names() {
    }

    /** A resource, activity, boundary or arc name. */
    public static String componentProblem(String kind, String name) {
        if (name == null || name.isBlank()) {
            return kind + " name must not be empty; give one";
        }
        if (!COMPONENT.matcher(name).matches()) {
            return kind + " name " + quote(name) + " must start with an ASCII letter or digit and use only letters, "
                    + "digits, '-' and '_' (it becomes part of stack, function and rule names and of S3 keys); "
                    + "rename it";
        }
        if (name.length() > COMPONENT_MAX) {
            return kind + " name is " + name.length() + " characters, over " + COMPONENT_MAX + "; shorten it";
        }
        return null;
    }

    /** A dataset name or version: a key segment ({@code name=…}, {@code version=…}) and a local folder name. */
    static String segmentProblem(String what, String value) {
        if (value == null || value.isEmpty()) {
            return what + " must not be empty; give one, e.g. 20230101";
        }
        if (!SEGMENT.matcher(value).matches() || value.contains("..")) {
            return what + " " + quote(value) + " must start with an ASCII letter or digit and use only letters, "
                    + "digits, '.', '-' and '_', without \"..\" (it is a segment of S3 keys and folder names); "
                    + "rename it";
        }
        if (value.length() > SEGMENT_MAX) {
            return what + " is " + value.length() + " characters, over " + SEGMENT_MAX + "; shorten it";
        }
        return null;
    }

    /** A Glue database or table name. */
    public static String glueProblem(String what, String value) {
        if (value == null || value.isEmpty()) {
            return what + " must not be empty; give one, e.g. access_logs";
        }
        if (!GLUE.matcher(value).matches() || value.length() > GLUE_MAX) {
            return what + " " + quote(value) + " must use only ASCII letters, digits, '_' and '-' (not first), at "
                    + "most " + GLUE_MAX + " characters; rename it, e.g. access_logs";
        }
        return null;
    }

    /** An event bus name as EventBridge (and CDK at synth) accepts it; null lets CDK name the bus. */
    public static String eventBusProblem(String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("default") || !EVENT_BUS.matcher(value).matches() || value.length() > EVENT_BUS_MAX) {
            return "eventBusName " + quote(value) + " must use only ASCII letters, digits, '.', '-', '_' and '/', at "
                    + "most " + EVENT_BUS_MAX + " characters, and not be \"default\"; rename it";
        }
        return null;
    }

    /** A CloudWatch Logs log group name as the service accepts it. */
    public static String logGroupProblem(String value) {
        if (value == null || !LOG_GROUP.matcher(value).matches() || value.length() > LOG_GROUP_MAX) {
            return "logGroupName " + quote(value == null ? "" : value) + " is not a log group name: use only ASCII "
                    + "letters, digits, '.', '-', '_', '/' and '#', at most " + LOG_GROUP_MAX + " characters";
        }
        return null;
    }

    /**
     * A value shown in a message: one line, non-printable and non-ASCII characters escaped, so a hostile value can
     * neither break the line nor hide what it holds; long values are cut.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (shown++ == 80) {
                out.append("…");
                break;
            }
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
