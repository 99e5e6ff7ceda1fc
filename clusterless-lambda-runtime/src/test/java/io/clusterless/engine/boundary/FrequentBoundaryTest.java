package io.clusterless.engine.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.event.EventPublisher;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.queue.MessageQueue;
import io.clusterless.engine.queue.QueueMessage;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.EventBridgePublisher;
import io.clusterless.runtime.aws.SqsQueue;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clusterless.engine.boundary.Filters.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The frequent S3 put boundary against real APIs: manifests in s3proxy, the notification queue and the arc bus in
 * moto_server. Queues use a 1 s visibility timeout so a message left in the queue is visible again within a test.
 */
class FrequentBoundaryTest {
    private static final String DATA = "listened";
    private static final String MANIFESTS = "manifests";
    private static final LotUnit UNIT = LotUnit.TWELFTHS;
    private static final Duration VISIBILITY = Duration.ofSeconds(1);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static S3ProxyServer s3;
    private static ObjectStore store;
    private static MotoServer moto;

    private SinkDataset dataset;
    private String bus;
    private ArcBusProbe probe;
    private EventPublisher publisher;
    private SqsQueue queue;
    private AwsJsonClient sqs;

    @BeforeAll
    static void start() {
        moto = MotoServer.get();
        s3 = S3ProxyServer.start().bucket(MANIFESTS);
        store = s3.store();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    @BeforeEach
    void freshDatasetQueueAndBus() {
        int n = COUNTER.incrementAndGet();
        dataset = new SinkDataset("frequent" + n, "20220101", "s3://" + DATA + "/frequent" + n + "/");
        bus = "arc-bus-frequent-" + n;
        probe = new ArcBusProbe(moto.clients(), bus);
        publisher = new EventBridgePublisher(moto.clients(), bus);
        sqs = new AwsJsonClient(moto.clients(), "sqs", "AmazonSQS", "1.0");
        ObjectNode create = Json.records().createObjectNode().put("QueueName", "notifications-" + n);
        create.putObject("Attributes").put("VisibilityTimeout", String.valueOf(VISIBILITY.toSeconds()));
        sqs.call("CreateQueue", create);
        queue = new SqsQueue(moto.clients(), "notifications-" + n);
    }

    @Test
    void emptyInterval_writesAnEmptyManifest_everyInterval() {
        Instant t = Instant.parse("2023-02-06T23:55:00.250Z");
        FrequentBoundary boundary = boundary();

        FrequentOutcome first = boundary.handle(t);
        FrequentOutcome second = boundary.handle(t.plus(UNIT.duration()));

        LotId lot = LotId.parse("20230206PT5M286");
        assertThat(first.lot()).isEqualTo(lot.format());
        assertThat(first.state()).isEqualTo(ManifestState.empty);
        assertThat(second.lot()).isEqualTo(lot.next().format());
        assertThat(readManifest(lot, ManifestState.empty)).isEqualTo(Manifest.empty(lot.format()));
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.empty).key(),
                manifest(lot.next(), ManifestState.empty).key());
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.empty),
                expectedEvent(lot.next(), ManifestState.empty));
    }

    @Test
    void emptyIntervalsBeforeTheBoundaryWasPlaced_getNoManifestAndNoEvent() {
        Instant placed = Instant.parse("2023-02-07T00:00:00Z");
        new BoundaryLedger(store, MANIFESTS, dataset).since(placed);
        FrequentBoundary boundary = boundary();

        // scheduled events from years back (an archive replayed, a hand-made invoke) up to the placement itself
        Instant yearsBack = placed.minus(Duration.ofDays(3 * 365));
        for (int i = 1; i <= 100; i++) {
            FrequentOutcome outcome = boundary.handle(yearsBack.plus(UNIT.duration().multipliedBy(i)));
            assertThat(outcome.manifest()).isNull();
        }
        FrequentOutcome endedAtPlacement = boundary.handle(placed);
        FrequentOutcome firstPlaced = boundary.handle(placed.plus(UNIT.duration()));

        LotId lot = LotId.of(UNIT, placed);
        assertThat(endedAtPlacement.manifest()).isNull();
        assertThat(endedAtPlacement.written()).isFalse();
        assertThat(firstPlaced.lot()).isEqualTo(lot.format());
        assertThat(firstPlaced.state()).isEqualTo(ManifestState.empty);
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.empty).key());
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.empty));
    }

    @Test
    void objectsOfAnIntervalBeforeThePlacement_stillGetTheirLot() {
        // recorded as placed tomorrow: the running interval ends before it, yet holds an object
        new BoundaryLedger(store, MANIFESTS, dataset).since(Instant.now().plus(Duration.ofDays(1)));
        send(notification(DATA, dataset.getName() + "/a.json"));
        Instant now = Instant.now();

        FrequentOutcome outcome = boundary().handle(now.plus(UNIT.duration()));

        LotId lot = LotId.of(UNIT, now);
        assertThat(outcome.state()).isEqualTo(ManifestState.complete);
        assertThat(outcome.uris()).containsExactly(uri(dataset.getName() + "/a.json"));
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(queueDepth()).isZero();
    }

    @Test
    void aBoundaryWithNoPlacementRecord_recordsItsFirstInterval_andClosesIt() {
        Instant t = Instant.parse("2023-02-07T00:00:00.250Z");
        LotId lot = LotId.of(UNIT, t).previous();

        FrequentOutcome first = boundary().handle(t);
        FrequentOutcome before = boundary().handle(t.minus(UNIT.duration()));

        assertThat(first.state()).isEqualTo(ManifestState.empty);
        assertThat(new BoundaryLedger(store, MANIFESTS, dataset).recordedSince()).contains(lot.start());
        assertThat(before.manifest()).isNull();
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.empty).key());
    }

    @Test
    void scheduledEventJson_givesTheTime() {
        FrequentOutcome outcome = boundary().handle("""
                {"version": "0", "id": "89d1a02d-5ec7-412e-82f5-13505f849b41", "detail-type": "Scheduled Event",
                 "source": "aws.events", "account": "123456789012", "time": "2023-02-07T00:00:00Z",
                 "region": "us-east-1", "resources": ["arn:aws:events:us-east-1:123456789012:rule/x"], "detail": {}}
                """);

        assertThat(outcome.lot()).isEqualTo("20230206PT5M287");
        assertThatThrownBy(() -> boundary().handle("{\"time\": \"yesterday\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'yesterday'");
    }

    @Test
    void objectsBeforeTheCutoff_makeACompleteManifest_sortedDeduplicatedAndFiltered() {
        String p = dataset.getName();
        send(notification(DATA, p + "/b.json"));
        send(notification(DATA, p + "/a.json"));
        send(notification(DATA, p + "/a.json"));                         // S3 may notify twice
        send(notification(DATA, p + "/x%20y/c%3Dd.json", p + "/c.json")); // two records, one encoded key
        send(notification(DATA, p + "/folder/"));                        // folder marker
        send(notification(DATA, p + "/sub/_SUCCESS"));                   // excluded by the filter
        send(notification("other-bucket", p + "/z.json"));               // not the dataset's
        send(notification(DATA, p + "-old/z.json"));                     // not the dataset's
        for (int i = 0; i < 12; i++) {
            send(notification(DATA, p + "/many/" + i + ".json"));       // more than one receive's worth
        }
        Instant now = Instant.now();

        FrequentOutcome outcome = boundary(filter("{\"excludes\": [\"**/_*\"]}")).handle(now.plus(UNIT.duration()));

        LotId lot = LotId.of(UNIT, now);
        Set<String> expected = new TreeSet<>(List.of(uri(p + "/a.json"), uri(p + "/b.json"), uri(p + "/c.json"),
                uri(p + "/x y/c=d.json")));
        for (int i = 0; i < 12; i++) {
            expected.add(uri(p + "/many/" + i + ".json"));
        }
        assertThat(outcome.state()).isEqualTo(ManifestState.complete);
        assertThat(outcome.processed()).isEqualTo(20);
        assertThat(outcome.deleted()).isEqualTo(20);
        assertThat(readManifest(lot, ManifestState.complete))
                .isEqualTo(Manifest.complete(lot.format(), UriType.identifier, List.copyOf(expected)));
        assertThat(queueDepth()).isZero();
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void messagesNewerThanTheCutoff_stayQueued_andArePickedUpNextInterval() throws Exception {
        Instant sentAfter = Instant.now();
        send(notification(DATA, dataset.getName() + "/early.json"));
        send(notification(DATA, dataset.getName() + "/late.json"));
        // a scheduled event for a cutoff before the messages were sent: they belong to the running interval
        Instant earlier = sentAfter.minus(UNIT.duration());

        FrequentOutcome before = boundary().handle(earlier);

        assertThat(before.deferred()).isEqualTo(2);
        assertThat(before.processed()).isZero();
        assertThat(before.state()).isEqualTo(ManifestState.empty);
        assertThat(queueDepth()).isEqualTo(2);

        Thread.sleep(VISIBILITY.toMillis() + 200);
        Instant now = Instant.now();
        FrequentOutcome next = boundary().handle(now.plus(UNIT.duration()));

        assertThat(next.lot()).isEqualTo(LotId.of(UNIT, now).format());
        assertThat(next.uris()).containsExactly(uri(dataset.getName() + "/early.json"),
                uri(dataset.getName() + "/late.json"));
        assertThat(queueDepth()).isZero();
    }

    @Test
    void testEventAndMalformedMessages_areReported_notFatal() {
        send("{\"Service\": \"Amazon S3\", \"Event\": \"s3:TestEvent\", \"Time\": \"2023-02-06T23:50:00.000Z\", "
                + "\"Bucket\": \"" + DATA + "\", \"RequestId\": \"5582815E1AEA5ADF\"}");
        String garbled = send("{\"Records\": [ this is not json");
        String foreign = send("{\"hello\": \"world\"}");
        String keyless = send("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \""
                + DATA + "\"}}}]}");
        send(notification(DATA, dataset.getName() + "/good.json"));
        Instant now = Instant.now();

        FrequentOutcome outcome = boundary().handle(now.plus(UNIT.duration()));

        assertThat(outcome.uris()).containsExactly(uri(dataset.getName() + "/good.json"));
        assertThat(outcome.warnings()).hasSize(3);
        assertThat(outcome.warnings()).anySatisfy(w -> assertThat(w).contains(garbled).contains("not JSON"));
        assertThat(outcome.warnings()).anySatisfy(w -> assertThat(w).contains(foreign).contains("no Records"));
        assertThat(outcome.warnings()).anySatisfy(w -> assertThat(w).contains(keyless).contains("s3.object.key"));
        // reported, then removed: a bad message must not come back every interval
        assertThat(outcome.deleted()).isEqualTo(5);
        assertThat(queueDepth()).isZero();
    }

    @Test
    void duplicateScheduledEvent_writesOneManifest_republishes_andLeavesStragglersForLater() throws Exception {
        send(notification(DATA, dataset.getName() + "/a.json"));
        Instant t = Instant.now().plus(UNIT.duration());
        LotId lot = LotId.of(UNIT, t).previous();

        FrequentOutcome first = boundary().handle(t);
        // arrives after the first run, still before the cutoff of that scheduled time
        send(notification(DATA, dataset.getName() + "/straggler.json"));
        FrequentOutcome duplicate = boundary().handle(t);

        assertThat(first.written()).isTrue();
        assertThat(duplicate.written()).isFalse();
        assertThat(duplicate.manifest()).isEqualTo(first.manifest());
        assertThat(duplicate.uris()).containsExactly(uri(dataset.getName() + "/a.json"));
        assertThat(duplicate.returned()).isEqualTo(1);
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete),
                expectedEvent(lot, ManifestState.complete));

        Thread.sleep(VISIBILITY.toMillis() + 200);
        FrequentOutcome next = boundary().handle(t.plus(UNIT.duration()));
        assertThat(next.lot()).isEqualTo(lot.next().format());
        assertThat(next.uris()).containsExactly(uri(dataset.getName() + "/straggler.json"));
    }

    @Test
    void duplicateScheduledEventsAtOnce_writeOneManifest_andLoseNoObject() throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add(uri(dataset.getName() + "/part-" + i + ".json"));
            send(notification(DATA, dataset.getName() + "/part-" + i + ".json"));
        }
        Instant t = Instant.now().plus(UNIT.duration());
        LotId lot = LotId.of(UNIT, t).previous();

        // moto_server's DeleteMessage rebuilds the queue's message list without a lock, so two at once can bring a
        // deleted message back (real SQS deletes atomically); the runs' drains, claims and writes still race
        MessageQueue oneDeleteAtATime = new OneDeleteAtATime(queue);
        List<FrequentOutcome> runs = InfrequentBoundaryTest.concurrently(3,
                i -> new FrequentBoundary(props(null), store, oneDeleteAtATime, publisher).handle(t));

        assertThat(manifestKeys()).hasSize(1);
        assertThat(runs).extracting(FrequentOutcome::manifest).containsOnly(runs.get(0).manifest());
        assertThat(runs).filteredOn(FrequentOutcome::written).hasSize(1);
        // whatever the losing runs read and the manifest lacks went back to the queue: the next interval has it
        Thread.sleep(VISIBILITY.toMillis() + 200);
        FrequentOutcome next = boundary().handle(t.plus(UNIT.duration()));
        Set<String> seen = new TreeSet<>(runs.get(0).uris());
        seen.addAll(next.uris());
        assertThat(seen).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(runs.get(0).uris()).doesNotContainAnyElementsOf(next.uris());
        assertThat(lot.next().format()).isEqualTo(next.lot());
    }

    @Test
    void aMessageReceivedAgainBeforeTheDelete_isLeftToItsNewHolder_andTheRunCompletes() {
        // moto refuses an older receipt only once the message has left the queue: a redrive on the second receive
        // stands in for the other consumer, so the refusal comes every time
        String deadLetters = redriveOnSecondReceive();
        send(notification(DATA, dataset.getName() + "/a.json"));
        send(notification(DATA, dataset.getName() + "/b.json"));
        Instant t = Instant.now().plus(UNIT.duration());
        LotId lot = LotId.of(UNIT, t).previous();
        MessageQueue receivedAgainBeforeDelete = new MessageQueue() {
            @Override
            public List<QueueMessage> receive(int max, int waitSeconds) {
                return queue.receive(max, waitSeconds);
            }

            @Override
            public void delete(List<QueueMessage> messages) {
                sqs.call("ChangeMessageVisibility", Json.records().createObjectNode().put("QueueUrl",
                        queue.queueUrl()).put("ReceiptHandle", messages.get(0).receiptHandle())
                        .put("VisibilityTimeout", 0));
                assertThat(queue.receive(10, 0)).isEmpty();
                queue.delete(messages);
            }

            @Override
            public void release(List<QueueMessage> messages) {
                queue.release(messages);
            }
        };

        FrequentOutcome outcome = new FrequentBoundary(props(null), store, receivedAgainBeforeDelete, publisher)
                .handle(t);

        assertThat(outcome.uris()).containsExactly(uri(dataset.getName() + "/a.json"),
                uri(dataset.getName() + "/b.json"));
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
        assertThat(queueDepth()).isZero();
        assertThat(new SqsQueue(moto.clients(), deadLetters).receive(10, 0)).isNotEmpty();
    }

    @Test
    void crashBeforeTheManifest_deletesNothing_theRetryHasEveryObject() throws Exception {
        send(notification(DATA, dataset.getName() + "/a.json"));
        send(notification(DATA, dataset.getName() + "/b.json"));
        Instant t = Instant.now().plus(UNIT.duration());
        ObjectStore crashing = Crash.on(ObjectStore.class, store, 1, args -> true, "createIfAbsent");

        assertThatThrownBy(() -> new FrequentBoundary(props(null), crashing, queue, publisher).handle(t))
                .isInstanceOf(Crash.Injected.class);
        assertThat(queueDepth()).isEqualTo(2);

        Thread.sleep(VISIBILITY.toMillis() + 200);
        FrequentOutcome retry = boundary().handle(t);

        assertThat(retry.uris()).containsExactly(uri(dataset.getName() + "/a.json"), uri(dataset.getName() + "/b.json"));
        assertThat(queueDepth()).isZero();
        assertThat(probe.drain()).hasSize(1);
    }

    @Test
    void crashAfterTheManifest_beforeDeleting_theRetryFindsTheManifestAndDeletes() throws Exception {
        send(notification(DATA, dataset.getName() + "/a.json"));
        Instant t = Instant.now().plus(UNIT.duration());
        LotId lot = LotId.of(UNIT, t).previous();
        MessageQueue crashing = Crash.on(MessageQueue.class, queue, 1, args -> true, "delete");

        assertThatThrownBy(() -> new FrequentBoundary(props(null), store, crashing, publisher).handle(t))
                .isInstanceOf(Crash.Injected.class);
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());

        Thread.sleep(VISIBILITY.toMillis() + 200);
        FrequentOutcome retry = boundary().handle(t);

        assertThat(retry.uris()).containsExactly(uri(dataset.getName() + "/a.json"));
        assertThat(retry.deleted()).isEqualTo(1);
        assertThat(manifestKeys()).hasSize(1);
        assertThat(queueDepth()).isZero();
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
    }

    @Test
    void crashAfterDeleting_beforePublishing_theRetryRepublishesTheSameManifest() {
        send(notification(DATA, dataset.getName() + "/a.json"));
        Instant t = Instant.now().plus(UNIT.duration());
        LotId lot = LotId.of(UNIT, t).previous();
        EventPublisher crashing = Crash.on(EventPublisher.class, publisher, 1, args -> true, "publish");

        assertThatThrownBy(() -> new FrequentBoundary(props(null), store, queue, crashing).handle(t))
                .isInstanceOf(Crash.Injected.class);
        FrequentOutcome retry = boundary().handle(t);

        assertThat(retry.written()).isFalse();
        assertThat(retry.uris()).containsExactly(uri(dataset.getName() + "/a.json"));
        assertThat(manifestKeys()).containsExactly(manifest(lot, ManifestState.complete).key());
        assertThat(probe.drain()).containsExactly(expectedEvent(lot, ManifestState.complete));
    }

    // --- helpers

    /** The queue with its deletes one after the other: see duplicateScheduledEventsAtOnce. */
    private record OneDeleteAtATime(MessageQueue queue) implements MessageQueue {
        @Override
        public List<QueueMessage> receive(int max, int waitSeconds) {
            return queue.receive(max, waitSeconds);
        }

        @Override
        public synchronized void delete(List<QueueMessage> messages) {
            queue.delete(messages);
        }

        @Override
        public void release(List<QueueMessage> messages) {
            queue.release(messages);
        }
    }

    private BoundaryProps props(io.clusterless.model.PathFilter filter) {
        return BoundaryProps.builder().lotUnit(UNIT).dataset(dataset).manifestBucket(MANIFESTS).eventBusName(bus)
                .filter(filter).sqsQueueName("unused-here").build();
    }

    private FrequentBoundary boundary() {
        return boundary(null);
    }

    private FrequentBoundary boundary(io.clusterless.model.PathFilter filter) {
        return new FrequentBoundary(props(filter), store, queue, publisher);
    }

    /** Sends this test's queue's messages to a dead-letter queue on their second receive; returns its name. */
    private String redriveOnSecondReceive() {
        String name = "dead-letters-" + COUNTER.incrementAndGet();
        String url = sqs.call("CreateQueue", Json.records().createObjectNode().put("QueueName", name))
                .path("QueueUrl").asText();
        ObjectNode attributes = Json.records().createObjectNode().put("QueueUrl", url);
        attributes.putArray("AttributeNames").add("QueueArn");
        String arn = sqs.call("GetQueueAttributes", attributes).path("Attributes").path("QueueArn").asText();
        ObjectNode redrive = Json.records().createObjectNode().put("QueueUrl", queue.queueUrl());
        redrive.putObject("Attributes").put("RedrivePolicy",
                "{\"deadLetterTargetArn\": \"" + arn + "\", \"maxReceiveCount\": \"1\"}");
        sqs.call("SetQueueAttributes", redrive);
        return name;
    }

    /** Sends and returns the message id. */
    private String send(String body) {
        return sqs.call("SendMessage", Json.records().createObjectNode().put("QueueUrl", queue.queueUrl())
                .put("MessageBody", body)).path("MessageId").asText();
    }

    /** Messages in the queue, visible or not. */
    private int queueDepth() {
        ObjectNode request = Json.records().createObjectNode().put("QueueUrl", queue.queueUrl());
        request.putArray("AttributeNames").add("ApproximateNumberOfMessages").add("ApproximateNumberOfMessagesNotVisible");
        JsonNode attributes = sqs.call("GetQueueAttributes", request).path("Attributes");
        return attributes.path("ApproximateNumberOfMessages").asInt() + attributes.path("ApproximateNumberOfMessagesNotVisible").asInt();
    }

    /** An S3 event notification as S3 delivers it to SQS; keys as they appear there (URL-encoded). */
    static String notification(String bucket, String... keys) {
        ObjectNode body = Json.records().createObjectNode();
        for (String key : keys) {
            ObjectNode record = body.withArray("Records").addObject();
            record.put("eventVersion", "2.1").put("eventSource", "aws:s3").put("awsRegion", "us-east-1")
                    .put("eventTime", "2023-02-06T23:51:10.000Z").put("eventName", "ObjectCreated:Put");
            ObjectNode s3 = record.putObject("s3");
            s3.put("s3SchemaVersion", "1.0").put("configurationId", "boundary");
            s3.putObject("bucket").put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
            s3.putObject("object").put("key", key).put("size", 2).put("eTag", "99914b932bd37a50b983c5e7c90ae93b")
                    .put("sequencer", "0055AED6DCD90281E5");
        }
        return body.toString();
    }

    private static String uri(String key) {
        return "s3://" + DATA + "/" + key;
    }

    private ManifestURI manifest(LotId lot, ManifestState state) {
        return ManifestURI.of(MANIFESTS, dataset).withLot(lot).withState(state);
    }

    private Manifest readManifest(LotId lot, ManifestState state) {
        return new ManifestStore(store).read(manifest(lot, state).identifier()).orElseThrow();
    }

    private List<String> manifestKeys() {
        return store.listAll(MANIFESTS, "datasets/name=" + dataset.getName() + "/", null).map(ObjectInfo::key)
                .filter(key -> key.endsWith("/manifest.json")).toList();
    }

    private ArcNotifyEvent expectedEvent(LotId lot, ManifestState state) {
        return new ArcNotifyEvent(dataset, lot.format(), manifest(lot, state).identifier());
    }
}
