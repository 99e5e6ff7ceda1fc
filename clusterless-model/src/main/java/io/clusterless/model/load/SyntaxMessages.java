package io.clusterless.model.load;

/** Shortens parser messages to one readable line. */
final class SyntaxMessages {
    private SyntaxMessages() {
    }

    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable input";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        if (newline > 0) {
            line = line.substring(0, newline).strip();
        }
        line = line.replaceAll(" \\(code \\d+\\)", "")
                .replace("Unexpected end-of-input", "unexpected end of file")
                .replace("Unexpected character", "unexpected character")
                .replace("Unrecognized token", "unrecognized token");
        if (line.length() > 300) {
            line = line.substring(0, 300) + "...";
        }
        return line;
    }
}
