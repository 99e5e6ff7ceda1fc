package io.clusterless.local.run;

import io.clusterless.engine.queue.MessageQueue;
import io.clusterless.engine.queue.QueueMessage;
import io.clusterless.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The queue of a frequent boundary, as files: a message is {@code queue/<id>.json} until deleted, when it moves to
 * {@code done/}, so a restart finds exactly the messages no manifest has accounted for yet, and a file noticed again
 * after a crash is not queued twice (its id is derived from the object and its modification time).
 * <p>
 * Like SQS with a visibility timeout, a message received once is not received again until {@link #resetVisibility()}
 * (the runner calls it before each drain), which is what lets a drain end.
 * <p>
 * A message is written to {@code tmp/} first and linked into {@code queue/} in one step, so a kill never leaves half
 * a message queued; the temporary file is removed after the link, and what a killed run left in {@code tmp/} (or, from
 * older versions, as {@code queue/.<uuid>}) is removed when the queue is opened. One process owns the local root
 * (see {@code RootLock}), so nothing else is writing there then.
 */
public final class FileMessageQueue implements MessageQueue {
    private final Path queued;
    private final Path done;
    private final Path temp;
    private final Map<String, QueueMessage> messages = new LinkedHashMap<>();
    /** What a drain has not received yet, in queue order: receiving is O(batch), not O(queue). */
    private Iterator<QueueMessage> unreceived = List.<QueueMessage>of().iterator();

    public FileMessageQueue(Path dir) {
        this.queued = dir.resolve("queue");
        this.done = dir.resolve("done");
        this.temp = dir.resolve("tmp");
        try {
            Files.createDirectories(queued);
            Files.createDirectories(done);
            Files.createDirectories(temp);
            removeLeftovers();
            try (Stream<Path> files = Files.list(queued)) {
                files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted()
                        .forEach(file -> {
                            QueueMessage message = read(file);
                            messages.put(message.id(), message);
                        });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the queue in " + dir, e);
        }
    }

    /**
     * Queues a message once per id: false if it is queued or was already consumed.
     */
    public synchronized boolean send(String id, String body, Instant sentTimestamp) {
        if (messages.containsKey(id) || Files.exists(done.resolve(id + ".json"))) {
            return false;
        }
        QueueMessage message = new QueueMessage(id, id, body, sentTimestamp);
        Path tmp = temp.resolve(UUID.randomUUID().toString());
        try {
            Files.write(tmp, Json.records().writeValueAsBytes(new Stored(id, body, sentTimestamp.toString())));
            Files.createLink(queued.resolve(id + ".json"), tmp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot queue message " + id, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // a leftover temporary file is never read as a message; the next opening removes it
            }
        }
        messages.put(id, message);
        return true;
    }

    @Override
    public synchronized List<QueueMessage> receive(int max, int waitSeconds) {
        List<QueueMessage> batch = new ArrayList<>();
        while (batch.size() < max && unreceived.hasNext()) {
            QueueMessage message = unreceived.next();
            if (messages.containsKey(message.id())) {
                batch.add(message);
            }
        }
        return batch;
    }

    @Override
    public synchronized void delete(List<QueueMessage> batch) {
        for (QueueMessage message : batch) {
            if (messages.remove(message.id()) != null) {
                try {
                    Files.move(queued.resolve(message.id() + ".json"), done.resolve(message.id() + ".json"),
                            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete message " + message.id(), e);
                }
            }
        }
    }

    /** Makes every queued message receivable again, as the end of a visibility timeout does. */
    public synchronized void resetVisibility() {
        unreceived = new ArrayList<>(messages.values()).iterator();
    }

    /** The earliest sent time of a queued message, if any. */
    public synchronized Instant earliest() {
        return messages.values().stream().map(QueueMessage::sentTimestamp).min(Instant::compareTo).orElse(null);
    }

    public synchronized int size() {
        return messages.size();
    }

    /** Temporary files of sends a kill interrupted: never linked into the queue, so nothing refers to them. */
    private void removeLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        try (Stream<Path> files = Files.list(queued)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(".")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** A message as kept on disk. */
    private record Stored(String id, String body, String sentTimestamp) {
    }

    private static QueueMessage read(Path file) {
        try {
            Stored stored = Json.records().readValue(file.toFile(), Stored.class);
            return new QueueMessage(stored.id(), stored.id(), stored.body(), Instant.parse(stored.sentTimestamp()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable queue message " + file, e);
        }
    }
}
