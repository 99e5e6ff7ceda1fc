package io.clusterless.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The parts of a physical name (reference §3.1), rendered lower-case and hyphenated.
 * <p>
 * A part given to {@link #of(String)} is split into words, so {@code S3Simple} becomes {@code s3-simple}; a part given
 * to {@link #fixed(String)} is kept verbatim, because versions, accounts, regions and the upper-case stage must
 * appear exactly as declared. Null or blank parts are dropped together with their separator, which is how an absent
 * stage disappears from every name.
 */
public final class Label {
    private static final Label EMPTY = new Label(List.of());

    /** Rendered parts; each is non-blank. Words inside a part are already joined by '-'. */
    private final List<String> parts;

    private Label(List<String> parts) {
        this.parts = parts;
    }

    /** A label of one part, split into lower-case words. */
    public static Label of(String part) {
        return EMPTY.with(part);
    }

    /** A label of several parts, each split into lower-case words. */
    public static Label of(String... parts) {
        Label label = EMPTY;
        for (String part : parts) {
            label = label.with(part);
        }
        return label;
    }

    /** A label of one part inserted verbatim. */
    public static Label fixed(String part) {
        return EMPTY.withFixed(part);
    }

    public static Label empty() {
        return EMPTY;
    }

    /** Appends a part split into lower-case words. */
    public Label with(String part) {
        return append(words(part).stream().collect(Collectors.joining("-")));
    }

    /** Appends a part verbatim. */
    public Label withFixed(String part) {
        return append(part == null ? null : part.strip());
    }

    /** Appends all parts of another label. */
    public Label with(Label other) {
        List<String> joined = new ArrayList<>(parts);
        joined.addAll(other.parts);
        return new Label(List.copyOf(joined));
    }

    private Label append(String rendered) {
        if (rendered == null || rendered.isBlank()) {
            return this;
        }
        List<String> joined = new ArrayList<>(parts);
        joined.add(rendered);
        return new Label(List.copyOf(joined));
    }

    /** All parts joined by '-'. */
    public String hyphenated() {
        return joined("-");
    }

    /** Parts joined by the separator; words within a part stay joined by '-' (export refs use ':'). */
    public String joined(String separator) {
        return String.join(separator, parts);
    }

    /** The rendered parts, in order. */
    public List<String> parts() {
        return parts;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * Splits one part into lower-case words by the original's rule (reference §3.1), so that names come out as its
     * names do. A part holding '-' (else '_') is first cut there, and each piece becomes one capitalized word with
     * the rest of its letters lower-cased ({@code copy-toParquet} gives {@code copy-toparquet}); any other part is
     * capitalized as it is. Then every capital letter starts a new word: {@code S3Simple} gives {@code [s3, simple]}
     * and each capital of an acronym is a word of its own ({@code HTTPLogs} gives {@code [h, t, t, p, logs]}).
     * Only ASCII letters change case, as in the original.
     */
    public static List<String> words(String part) {
        if (part == null || part.isBlank()) {
            return List.of();
        }
        String camel = camelCase(part.strip());
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < camel.length(); i++) {
            if (isAsciiUpper(camel.charAt(i))) {
                addWord(camel.substring(start, i), words);
                start = i;
            }
        }
        addWord(camel.substring(start), words);
        return List.copyOf(words);
    }

    /**
     * The part in the original's upper camel case, e.g. {@code ClusterlessSimpleTest123456789012UsEast2} for a
     * bucket name: the original builds construct ids, and so CloudFormation logical ids, from it.
     */
    public static String upperCamel(String part) {
        return part == null || part.isBlank() ? "" : camelCase(part.strip());
    }

    /** The part as one upper-camel-case word run, before it is cut at capitals. */
    private static String camelCase(String part) {
        String separator = part.indexOf('-') >= 0 ? "-" : part.indexOf('_') >= 0 ? "_" : null;
        if (separator == null) {
            return capitalized(part, false);
        }
        StringBuilder camel = new StringBuilder();
        for (String piece : part.split(separator, -1)) {
            camel.append(capitalized(piece, true));
        }
        return camel.toString();
    }

    private static String capitalized(String piece, boolean lowerRest) {
        if (piece.isEmpty()) {
            return piece;
        }
        String rest = piece.substring(1);
        return toAsciiUpper(piece.charAt(0)) + (lowerRest ? toAsciiLower(rest) : rest);
    }

    private static void addWord(String word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(toAsciiLower(word));
        }
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static char toAsciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }

    private static String toAsciiLower(String text) {
        StringBuilder lower = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            lower.append(isAsciiUpper(c) ? (char) (c - 'A' + 'a') : c);
        }
        return lower.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label that && parts.equals(that.parts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts);
    }

    @Override
    public String toString() {
        return hyphenated();
    }
}
