package io.clusterless.model.core.arc.athena;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${…}} placeholders of an athenaQueryArc's SQL: {@code lot}, {@code lotStart}, {@code lotEnd},
 * {@code source.ROLE.table} and {@code source.ROLE.lotPredicate}. One parser for validation and expansion, so what
 * validates is exactly what expands.
 */
public final class QueryPlaceholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern SOURCE = Pattern.compile("source\\.([^.]+)\\.(table|lotPredicate)");
    public static final Set<String> LOT_NAMES = Set.of("lot", "lotStart", "lotEnd");

    /** One {@code ${name}} in the text, at {@code offset} (of the {@code $}). */
    public record Placeholder(String name, int offset, int length) {
        /** The source role it names, or null for the lot placeholders and unknown ones. */
        public String role() {
            Matcher matcher = SOURCE.matcher(name);
            return matcher.matches() ? matcher.group(1) : null;
        }

        /** {@code table} or {@code lotPredicate} for source placeholders, else null. */
        public String sourceField() {
            Matcher matcher = SOURCE.matcher(name);
            return matcher.matches() ? matcher.group(2) : null;
        }
    }

    private QueryPlaceholders() {
    }

    public static List<Placeholder> find(String sql) {
        List<Placeholder> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(sql);
        while (matcher.find()) {
            found.add(new Placeholder(matcher.group(1).trim(), matcher.start(), matcher.end() - matcher.start()));
        }
        return found;
    }

    /**
     * Why {@code placeholder} cannot be expanded for an arc with these source roles, or null when it can.
     */
    public static String problem(Placeholder placeholder, Set<String> roles) {
        if (LOT_NAMES.contains(placeholder.name())) {
            return null;
        }
        String role = placeholder.role();
        if (role != null) {
            return roles.contains(role) ? null : "${" + placeholder.name() + "} names source role '" + role
                    + "', but the arc's sources are " + roles + "; use one of them";
        }
        return "unknown placeholder ${" + placeholder.name() + "}; use ${lot}, ${lotStart}, ${lotEnd}, "
                + "${source.ROLE.table} or ${source.ROLE.lotPredicate}";
    }

    /** 1-based line and column of {@code offset} in {@code text}. */
    public static int[] lineColumn(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[]{line, column};
    }
}
