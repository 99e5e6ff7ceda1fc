package io.clusterless.engine.boundary;

import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading what S3 sends: queue notifications and EventBridge events, keys URL-decoded. */
class S3NotificationTest {
    @Test
    void records_giveBucketAndDecodedKey() {
        S3Notification notification = S3Notification.parse(FrequentBoundaryTest.notification("b",
                "a%20b/c%3Dd.json", "red+flower.jpg", "c%2B%2B.tar"));

        assertThat(notification.testEvent()).isFalse();
        assertThat(notification.objects()).extracting(S3Notification.S3Object::uri)
                .containsExactly("s3://b/a b/c=d.json", "s3://b/red flower.jpg", "s3://b/c++.tar");
    }

    @Test
    void testEvent_hasNoObjects() {
        S3Notification notification = S3Notification.parse(
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"b\"}");

        assertThat(notification.testEvent()).isTrue();
        assertThat(notification.objects()).isEmpty();
    }

    @Test
    void snsWrappedNotification_isUnwrapped() {
        String inner = FrequentBoundaryTest.notification("b", "k.json").replace("\"", "\\\"");
        S3Notification notification = S3Notification.parse("{\"Type\":\"Notification\",\"Message\":\"" + inner + "\"}");

        assertThat(notification.objects()).extracting(S3Notification.S3Object::key).containsExactly("k.json");
    }

    @Test
    void nonCreationRecords_areSkipped_unreadableRecordsReported() {
        S3Notification notification = S3Notification.parse("""
                {"Records": [
                  {"eventName": "ObjectRemoved:Delete", "s3": {"bucket": {"name": "b"}, "object": {"key": "gone"}}},
                  {"eventName": "ObjectCreated:Copy", "s3": {"bucket": {"name": "b"}}},
                  {"eventName": "ObjectCreated:CompleteMultipartUpload", "s3": {"bucket": {"name": "b"}, "object": {"key": "big"}}}
                ]}""");

        assertThat(notification.objects()).extracting(S3Notification.S3Object::key).containsExactly("big");
        assertThat(notification.problems()).containsExactly("Records[1] has no s3.bucket.name or s3.object.key");
    }

    @Test
    void notANotification_isRefusedWithTheReason() {
        assertThatThrownBy(() -> S3Notification.parse("{not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> S3Notification.parse("[1, 2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> S3Notification.parse("")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> S3Notification.parse("{\"a\": 1}")).hasMessageContaining("no Records");
    }

    @Test
    void objectCreatedEvent_readsTimeBucketAndDecodedKey() {
        ObjectCreatedEvent event = ObjectCreatedEvent.parse(InfrequentBoundaryTest.event(
                Instant.parse("2023-02-06T23:51:10Z"), "b", "in/a%20b/c%3Dd.json"));

        assertThat(event).isEqualTo(new ObjectCreatedEvent(Instant.parse("2023-02-06T23:51:10Z"), "b", "in/a b/c=d.json"));
        assertThat(event.uri()).isEqualTo("s3://b/in/a b/c=d.json");
    }

    @Test
    void keyThatIsNotValidEncoding_isTakenAsItCame() {
        assertThat(S3Keys.decode("100%/x")).isEqualTo("100%/x");
    }

    @Test
    void datasetLocation_normalisesThePrefixToAFolder() {
        assertThat(S3Location.parse("s3://b/in//sub")).isEqualTo(new S3Location("b", "in/sub/"));
        assertThat(S3Location.parse("s3://b")).isEqualTo(new S3Location("b", ""));
        assertThat(S3Location.parse("s3://b/in/").contains(new S3ObjectId("b", "in/x"))).isTrue();
        assertThat(S3Location.parse("s3://b/in/").contains(new S3ObjectId("b", "in-old/x"))).isFalse();
        assertThat(S3Location.parse("s3://b/in/").contains(new S3ObjectId("c", "in/x"))).isFalse();
        assertThatThrownBy(() -> S3Location.parse("glue://db/table")).hasMessageContaining("s3://bucket/prefix/");
    }
}
