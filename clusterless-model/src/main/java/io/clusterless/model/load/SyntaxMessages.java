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
                // Jackson names the start of an unclosed object as "[Source: REDACTED (...); line: 1, column: 1]"
                .replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2")
                .replaceAll("close marker for Object \\(start marker at ([^)]*)\\)",
                        "'}' to close the object opened at $1")
                .replaceAll("close marker for Array \\(start marker at ([^)]*)\\)",
                        "']' to close the array opened at $1")
                .replaceAll("Illegal unquoted character \\(\\(CTRL-CHAR, code (10|13)\\)\\): has to be escaped.*",
                        "line break inside a string; a closing quote is missing (or write the line break as \\\\n)")
                .replaceAll("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped.*",
                        "control character (code $1) inside a string; escape it with a backslash")
                .replace("Unexpected end-of-input", "unexpected end of file")
                .replace("Unexpected close marker", "unexpected")
                .replace("Unexpected character", "unexpected character")
                .replace("Unrecognized token", "unrecognized token");
        if (line.length() > 300) {
            line = line.substring(0, 300) + "...";
        }
        return line;
    }
}
