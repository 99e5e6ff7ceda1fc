package io.clusterless.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
     * Splits one part into lower-case words: first on '-' and '_', then on camel-case boundaries. Digits stay with the
     * letters before them, so {@code S3Simple} gives {@code [s3, simple]} and an acronym run keeps its last capital
     * for the next word, so {@code ABCDef} gives {@code [abc, def]}.
     */
    public static List<String> words(String part) {
        if (part == null || part.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String token : part.strip().split("[-_]+")) {
            splitCamelCase(token, words);
        }
        return List.copyOf(words);
    }

    private static void splitCamelCase(String token, List<String> words) {
        int start = 0;
        for (int i = 1; i < token.length(); i++) {
            char previous = token.charAt(i - 1);
            char current = token.charAt(i);
            boolean lowerToUpper = (Character.isLowerCase(previous) || Character.isDigit(previous))
                    && Character.isUpperCase(current);
            boolean endOfAcronym = Character.isUpperCase(previous) && Character.isUpperCase(current)
                    && i + 1 < token.length() && Character.isLowerCase(token.charAt(i + 1));
            if (lowerToUpper || endOfAcronym) {
                addWord(token.substring(start, i), words);
                start = i;
            }
        }
        addWord(token.substring(start), words);
    }

    private static void addWord(String word, List<String> words) {
        if (!word.isBlank()) {
            words.add(word.strip().toLowerCase(Locale.ROOT));
        }
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
