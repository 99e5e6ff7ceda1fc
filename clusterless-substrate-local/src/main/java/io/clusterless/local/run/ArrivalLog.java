package io.clusterless.local.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Which arrivals an infrequent boundary has handled, one line per object and modification time, appended after the
 * boundary returned. A crash loses at most the last lines, and handling an arrival again is harmless (the boundary
 * writes nothing new and the arc gates ignore the repeated event), so the log needs no stronger guarantee.
 */
final class ArrivalLog implements AutoCloseable {
    private final Set<String> seen = new HashSet<>();
    private final Writer writer;

    ArrivalLog(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                // a line cut short by a crash has no newline and is left out: that arrival is handled again
                if (end >= 0) {
                    for (String line : text.substring(0, end).split("\n")) {
                        seen.add(line);
                    }
                }
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    synchronized boolean seen(String arrival) {
        return seen.contains(arrival);
    }

    synchronized void record(String arrival) {
        if (seen.add(arrival)) {
            try {
                writer.write(arrival + "\n");
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record an arrival", e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing more to record
        }
    }
}
