package io.clusterless.model.core.arc.athena;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SQL of an athenaQueryArc: {@code query} as written, or the text of {@code queryPath} beside the project file.
 *
 * @param file the .sql file it was read from, null for an inline query
 */
public record QueryText(String sql, Path file) {
    /**
     * @param projectDir the folder of the project file, against which {@code queryPath} resolves
     * @throws IllegalArgumentException naming the arc when there is no query, or the file cannot be read
     */
    public static QueryText of(AthenaQueryArc arc, Path projectDir) {
        AthenaQuerySettings settings = arc.getWorkload();
        if (settings.getQuery() != null && !settings.getQuery().isBlank()) {
            return new QueryText(settings.getQuery(), null);
        }
        if (settings.getQueryPath() == null || settings.getQueryPath().isBlank()) {
            throw new IllegalArgumentException("arc '" + arc.getName() + "' has neither query nor queryPath");
        }
        Path file = projectDir.resolve(settings.getQueryPath()).toAbsolutePath().normalize();
        try {
            return new QueryText(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new IllegalArgumentException("arc '" + arc.getName() + "': cannot read queryPath '"
                    + settings.getQueryPath() + "' (" + file + "): " + e.getMessage(), e);
        }
    }

    /**
     * Why {@code sql} is not one SELECT statement, or null: it must start with SELECT or WITH and hold no second
     * statement. Comments, quoted strings and identifiers are skipped, so a ';' inside them is fine.
     */
    public static String notOneSelect(String sql) {
        StringBuilder code = new StringBuilder();
        int semicolon = -1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i < sql.length() && sql.charAt(i) != '\n') {
                    i++;
                }
                code.append(' ');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
                code.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < sql.length() && !(sql.charAt(end) == c
                        && (end + 1 >= sql.length() || sql.charAt(end + 1) != c))) {
                    end += sql.charAt(end) == c ? 2 : 1;
                }
                code.append(c).append(c);
                i = end;
            } else {
                if (c == ';' && semicolon < 0) {
                    semicolon = code.length();
                }
                code.append(c);
            }
        }
        String text = code.toString().trim();
        if (semicolon >= 0 && !code.substring(semicolon + 1).isBlank()) {
            return "holds more than one statement; give one SELECT (the arc writes its result itself)";
        }
        String first = text.split("[\\s(]+", 2)[0].toUpperCase(java.util.Locale.ROOT);
        if (!first.equals("SELECT") && !first.equals("WITH")) {
            return "must be one SELECT (or WITH … SELECT), not " + (first.isEmpty() ? "empty" : first + " …")
                    + "; the arc writes the result itself (UNLOAD on AWS, COPY locally)";
        }
        return null;
    }

    /** {@code sql} without a trailing ';' (and the space around it), as it goes inside UNLOAD (…) or COPY (…). */
    public static String withoutTerminator(String sql) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
