package io.clusterless.cli.deploy;

import java.util.List;

/** A finished process of an end-to-end test: its command line, exit code and output, tails shown on failure. */
record Run(List<String> args, int exit, String out, String err) {
    @Override
    public String toString() {
        return String.join(" ", args) + " -> " + exit + "\n--- out\n" + tail(out) + "\n--- err\n" + tail(err);
    }

    private static String tail(String text) {
        return text.length() > 4000 ? "…" + text.substring(text.length() - 4000) : text;
    }
}
