package io.clusterless.local.run;

import io.clusterless.engine.queue.QueueMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FileMessageQueueTest {
    private static final Instant T = Instant.parse("2023-01-01T00:01:00Z");

    @TempDir
    Path dir;

    @Test
    void aDrainReceivesEveryQueuedMessageOnceThenNothing() {
        FileMessageQueue queue = new FileMessageQueue(dir);
        for (int i = 0; i < 25; i++) {
            queue.send("m" + i, "body", T);
        }
        queue.resetVisibility();

        int received = 0;
        for (List<QueueMessage> batch = queue.receive(10, 0); !batch.isEmpty(); batch = queue.receive(10, 0)) {
            received += batch.size();
        }

        assertThat(received).isEqualTo(25);
        queue.resetVisibility();
        assertThat(queue.receive(10, 0)).hasSize(10);
    }

    @Test
    void aRestartFindsTheMessagesNotDeletedAndRefusesOnesAlreadyConsumed() {
        FileMessageQueue queue = new FileMessageQueue(dir);
        queue.send("kept", "a", T);
        queue.send("consumed", "b", T.plusSeconds(1));
        queue.resetVisibility();
        queue.delete(queue.receive(10, 0).stream().filter(m -> m.id().equals("consumed")).toList());

        FileMessageQueue reopened = new FileMessageQueue(dir);
        reopened.resetVisibility();

        assertThat(reopened.receive(10, 0)).extracting(QueueMessage::id, QueueMessage::body, QueueMessage::sentTimestamp)
                .containsExactly(tuple("kept", "a", T));
        // a file noticed again after a crash maps to the same id: neither copy is queued twice
        assertThat(reopened.send("consumed", "b", T.plusSeconds(1))).isFalse();
        assertThat(reopened.send("kept", "a", T)).isFalse();
        assertThat(reopened.size()).isEqualTo(1);
    }

    @Test
    void temporaryFilesAreRemovedAfterEachSend_andLeftoversOfAKilledRunWhenTheQueueOpens() throws Exception {
        // what a kill between writing a message's temporary file and linking it left behind, then and now
        Files.createDirectories(dir.resolve("queue"));
        Files.writeString(dir.resolve("queue").resolve("." + UUID.randomUUID()), "{\"id\":\"half\"}");
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("tmp").resolve(UUID.randomUUID().toString()), "{\"id\":\"half\"}");

        FileMessageQueue queue = new FileMessageQueue(dir);
        queue.send("m1", "a", T);
        queue.send("m1", "a", T); // refused: already queued
        queue.send("m2", "b", T);

        assertThat(names(dir.resolve("queue"))).containsExactly("m1.json", "m2.json");
        assertThat(names(dir.resolve("tmp"))).isEmpty();
        assertThat(queue.size()).isEqualTo(2);
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
