package io.clusterless.model.load;

import java.util.Locale;

/** The formats a project file may be written in. */
public enum SourceFormat {
    JSON, YAML, JSONNET;

    /** The format named by a file's extension, or null when the extension says nothing. */
    public static SourceFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return YAML;
        }
        if (lower.endsWith(".jsonnet") || lower.endsWith(".libsonnet")) {
            return JSONNET;
        }
        return null;
    }

    /**
     * Guesses the format of text with no file name (stdin). JSON and Jsonnet objects both start with a brace, so
     * brace-led text is JSON unless it uses Jsonnet syntax outside strings; text led by a Jsonnet keyword is
     * Jsonnet; anything else is YAML.
     */
    public static SourceFormat sniff(String text) {
        String body = stripLeadingComments(text);
        if (body.startsWith("local ") || body.startsWith("local\t") || body.startsWith("import ")
                || body.startsWith("function") || body.startsWith("std.")) {
            return JSONNET;
        }
        if (body.startsWith("{")) {
            return JsonnetSyntax.looksLikeJsonnet(body) ? JSONNET : JSON;
        }
        return YAML;
    }

    private static String stripLeadingComments(String text) {
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (c == '#' || text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return text.substring(i);
    }
}
