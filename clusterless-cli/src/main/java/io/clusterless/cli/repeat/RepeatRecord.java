package io.clusterless.cli.repeat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What one invocation gave: the assembly cache entry ({@code key}) copied to {@code outdir}, and the bytes printed.
 * Valid while every {@link Observed} fact holds and the entry still holds exactly {@code entryFiles}.
 *
 * @param key        the {@code SynthKey} of the assembly
 * @param outdir     where the assembly was written (absolute)
 * @param facts      every file the result depended on
 * @param entryFiles the entry's files (relative path and size) but its result.json, so a partial entry is seen
 * @param out        what was printed on standard output
 * @param err        what was printed on standard error, but the timings line
 * @param timings    whether the run printed a timings line ({@code -v} or {@code CLS_TIMINGS})
 */
record RepeatRecord(String key, Path outdir, List<Observed> facts, List<EntryFile> entryFiles, byte[] out, byte[] err,
                    boolean timings) {
    static final String FORMAT = "cls-repeat 2";

    /** One file of the cache entry. */
    record EntryFile(String path, long size) {
    }

    /**
     * One item per line, its fields separated by tabs, with backslash, tab, newline and carriage return escaped
     * (paths may hold any of them); the output bytes in Base64. Plain text, so reading it costs little.
     */
    String format() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        line(text, "key", key);
        line(text, "outdir", outdir.toString());
        line(text, "timings", Boolean.toString(timings));
        for (Observed fact : facts) {
            line(text, "fact", fact.kind().name(), fact.path().toString(), fact.value());
        }
        for (EntryFile file : entryFiles) {
            line(text, "entry", file.path(), Long.toString(file.size()));
        }
        line(text, "out", Base64.getEncoder().encodeToString(out));
        line(text, "err", Base64.getEncoder().encodeToString(err));
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String... fields) {
        text.append(name);
        for (String field : fields) {
            text.append('\t');
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
        text.append('\n');
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw new IllegalArgumentException("a field ending in a lone backslash");
            }
            switch (field.charAt(i)) {
                case '\\' -> text.append('\\');
                case 't' -> text.append('\t');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                default -> throw new IllegalArgumentException("an unknown escape");
            }
        }
        return text.toString();
    }

    /** The record in {@code text}; empty when it is not one whole record of this format. */
    static Optional<RepeatRecord> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(FORMAT) || !lines[lines.length - 1].isEmpty()) {
            return Optional.empty();
        }
        String key = null;
        Path outdir = null;
        Boolean timings = null;
        byte[] out = null;
        byte[] err = null;
        List<Observed> facts = new ArrayList<>();
        List<EntryFile> entry = new ArrayList<>();
        try {
            for (int i = 1; i < lines.length - 1; i++) {
                String[] parts = lines[i].split("\t", -1);
                switch (parts[0]) {
                    case "key" -> key = field(parts, 1, 2);
                    case "outdir" -> outdir = Path.of(field(parts, 1, 2));
                    case "timings" -> timings = Boolean.parseBoolean(field(parts, 1, 2));
                    case "fact" -> facts.add(new Observed(Observed.Kind.valueOf(field(parts, 1, 4)),
                            Path.of(field(parts, 2, 4)), field(parts, 3, 4)));
                    case "entry" -> entry.add(new EntryFile(field(parts, 1, 3), Long.parseLong(field(parts, 2, 3))));
                    case "out" -> out = Base64.getDecoder().decode(field(parts, 1, 2));
                    case "err" -> err = Base64.getDecoder().decode(field(parts, 1, 2));
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (key == null || !hex64(key) || outdir == null || !outdir.isAbsolute() || timings == null
                || out == null || err == null || entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RepeatRecord(key, outdir, facts, entry, out, err, timings));
    }

    /** A SHA-256 in hex (no regex: the repeat path loads as little as it can). */
    static boolean hex64(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String field(String[] parts, int index, int length) {
        if (parts.length != length) {
            throw new IllegalArgumentException("a line with the wrong number of fields");
        }
        return unescape(parts[index]);
    }
}
