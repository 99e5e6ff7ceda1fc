package io.clusterless.engine.arc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clusterless.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of a state object: the lot's history, one {@link ArcStateEntry} per line, oldest first. Every transition
 * copies the body it replaces and appends its own line, so a body contains the last line of every state object it
 * descends from: that is how a reader tells the newer of two state objects a crash left behind. Lines that are not
 * entries (bodies written by other tools) are kept as history and otherwise ignored.
 */
final class StateBody {
    private static final ObjectWriter ONE_LINE = Json.records().writer().without(SerializationFeature.INDENT_OUTPUT);

    private final List<String> lines;

    private StateBody(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    static StateBody empty() {
        return new StateBody(List.of());
    }

    static StateBody parse(byte[] body) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return new StateBody(lines);
    }

    static StateBody of(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This body preceded by the lines of {@code others} it does not already contain: a body that descends from all of
     * them, so state objects whose history was never copied (written by other tools, or by a crash) are not lost
     * when they are replaced.
     */
    StateBody absorbing(List<StateBody> others) {
        List<String> merged = new ArrayList<>();
        for (StateBody other : others) {
            for (String line : other.lines) {
                if (!lines.contains(line) && !merged.contains(line)) {
                    merged.add(line);
                }
            }
        }
        merged.addAll(lines);
        return new StateBody(merged);
    }

    StateBody append(ArcStateEntry entry) {
        List<String> appended = new ArrayList<>(lines);
        try {
            appended.add(ONE_LINE.writeValueAsString(entry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write arc state entry", e);
        }
        return new StateBody(appended);
    }

    /** The newest entry. */
    Optional<ArcStateEntry> last() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<ArcStateEntry> entry = entry(lines.get(i));
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    /** The run that wrote the newest entry, if it recorded one. */
    Optional<String> attempt() {
        return last().map(ArcStateEntry::arcAttempt);
    }

    /** Whether this history includes the newest line of {@code other}, i.e. this body descends from it. */
    boolean descendsFrom(StateBody other) {
        return !other.lines.isEmpty() && lines.contains(other.lines.get(other.lines.size() - 1));
    }

    List<ArcStateEntry> entries() {
        return lines.stream().map(StateBody::entry).flatMap(Optional::stream).toList();
    }

    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<ArcStateEntry> entry(String line) {
        try {
            ArcStateEntry entry = Json.records().readValue(line, ArcStateEntry.class);
            return entry.state() == null && entry.arcAttempt() == null ? Optional.empty() : Optional.of(entry);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
