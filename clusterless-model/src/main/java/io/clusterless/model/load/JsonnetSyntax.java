package io.clusterless.model.load;

/** Tells Jsonnet from JSON by looking for Jsonnet-only syntax outside string literals. */
final class JsonnetSyntax {
    private JsonnetSyntax() {
    }

    static boolean looksLikeJsonnet(String text) {
        boolean inString = false;
        char quote = 0;
        int n = Math.min(text.length(), 64 * 1024);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
                quote = c;
            } else if (c == '\'') {
                // single-quoted strings are Jsonnet, never JSON
                return true;
            } else if (c == '#' || text.startsWith("//", i) || text.startsWith("/*", i)) {
                int end = c == '/' && text.charAt(i + 1) == '*' ? text.indexOf("*/", i) : text.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                String word = text.substring(i, j);
                if (!word.equals("true") && !word.equals("false") && !word.equals("null")) {
                    // bare identifiers (unquoted keys, locals, std calls) exist only in Jsonnet
                    return true;
                }
                i = j - 1;
            }
        }
        return false;
    }
}
