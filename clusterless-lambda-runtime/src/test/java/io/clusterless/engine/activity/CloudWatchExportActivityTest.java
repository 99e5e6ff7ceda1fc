package io.clusterless.engine.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.logs.LogExporter;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.CloudWatchLogsExporter;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The export activity's window, destination and backoff. CloudWatch Logs answers LimitExceededException while
 * another export of the account runs; moto_server does not (its exports finish at once), so the retries are
 * driven through our own {@link LogExporter} port: a wrapper that refuses the first calls, then hands over to the
 * real adapter talking to moto. Time is a manual clock that the sleeper advances, so minutes of backoff take none.
 */
class CloudWatchExportActivityTest {
    private static final Instant EVENT = Instant.parse("2023-02-06T23:52:10Z");
    private static final CloudWatchExportProps PROPS = new CloudWatchExportProps("Twelfths", "/app/web", "web-",
            "s3://log-archive/web/logs/", 15);

    private final ManualClock clock = new ManualClock(EVENT);
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = duration -> {
        sleeps.add(duration);
        clock.advance(duration);
    };

    @Test
    void limitExceeded_isRetriedWithBackoffStartingAtThreeSecondsAndDoubling_thenTheExportStarts() {
        // GIVEN moto with a log group and the destination bucket, and an account whose export slot is busy 4 times
        MotoServer moto = MotoServer.get();
        moto.reset();
        AwsJsonClient logs = new AwsJsonClient(moto.clients(), "logs", "Logs_20140328", "1.1");
        logs.call("CreateLogGroup", json().put("logGroupName", "/app/web"));
        try (S3Client s3 = moto.clients().s3()) {
            s3.createBucket(b -> b.bucket("log-archive"));
        }
        LogExporter busyFourTimes = new BusyAccount(new CloudWatchLogsExporter(moto.clients()), 4);

        // WHEN
        ExportStarted started = new CloudWatchExportActivity(PROPS, busyFourTimes, clock, sleeper)
                .run(EVENT, Duration.ofMinutes(15));

        // THEN
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6), Duration.ofSeconds(12),
                Duration.ofSeconds(24));
        assertThat(started.attempts()).isEqualTo(5);
        JsonNode task = logs.call("DescribeExportTasks", json().put("taskId", started.taskId()))
                .path("exportTasks").path(0);
        assertThat(task.path("taskName").asText()).isEqualTo("export-20230206PT5M285");
        assertThat(task.path("from").asLong()).isEqualTo(Instant.parse("2023-02-06T23:45:00Z").toEpochMilli());
        assertThat(task.path("to").asLong()).isEqualTo(Instant.parse("2023-02-06T23:49:59.999Z").toEpochMilli());
        assertThat(task.path("destination").asText()).isEqualTo("log-archive");
        assertThat(task.path("destinationPrefix").asText()).as("the pathURI prefix, without slashes at its ends")
                .isEqualTo("web/logs");
    }

    @Test
    void backoff_isCappedAtThreeMinutes() {
        LogExporter busyTenTimes = new BusyAccount(succeeding(), 10);

        new CloudWatchExportActivity(PROPS, busyTenTimes, clock, sleeper).run(EVENT, Duration.ofHours(1));

        assertThat(sleeps).extracting(Duration::getSeconds)
                .containsExactly(3L, 6L, 12L, 24L, 48L, 96L, 180L, 180L, 180L, 180L);
    }

    @Test
    void retriesStopFiveSecondsBeforeTheInvocationEnds() {
        LogExporter alwaysBusy = new BusyAccount(succeeding(), Integer.MAX_VALUE);

        assertThatThrownBy(() -> new CloudWatchExportActivity(PROPS, alwaysBusy, clock, sleeper)
                .run(EVENT, Duration.ofSeconds(60)))
                .isInstanceOf(ActivityException.class)
                .hasMessageContaining("export-20230206PT5M285")
                .hasMessageContaining("LimitExceededException")
                .hasMessageContaining("deadline");
        // 3 + 6 + 12 + 24 = 45 s, then only the 10 s left before the 55 s deadline
        assertThat(sleeps).extracting(Duration::getSeconds).containsExactly(3L, 6L, 12L, 24L, 10L);
        assertThat(Duration.between(EVENT, clock.instant())).isEqualTo(Duration.ofSeconds(55));
    }

    @Test
    void otherErrors_areNotRetried() {
        LogExporter broken = (name, group, prefix, from, to, bucket, keyPrefix) -> {
            throw new IllegalStateException("ResourceNotFoundException");
        };

        assertThatThrownBy(() -> new CloudWatchExportActivity(PROPS, broken, clock, sleeper)
                .run(EVENT, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void unknownInterval_isRejectedWhenBuilt() {
        CloudWatchExportProps hourly = new CloudWatchExportProps("Hourly", "/app/web", null, "s3://log-archive/", 15);

        assertThatThrownBy(() -> new CloudWatchExportActivity(hourly, succeeding(), clock, sleeper))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Hourly");
    }

    private static LogExporter succeeding() {
        AtomicInteger ids = new AtomicInteger();
        return (name, group, prefix, from, to, bucket, keyPrefix) -> "task-" + ids.incrementAndGet();
    }

    private static ObjectNode json() {
        return Json.records().createObjectNode();
    }

    /** An account whose one export slot is taken for the first {@code busyCalls} calls. */
    private static final class BusyAccount implements LogExporter {
        private final LogExporter delegate;
        private int busyCalls;

        BusyAccount(LogExporter delegate, int busyCalls) {
            this.delegate = delegate;
            this.busyCalls = busyCalls;
        }

        @Override
        public String createExportTask(String taskName, String logGroupName, String logStreamPrefix, Instant from,
                                       Instant to, String bucket, String prefix) {
            if (busyCalls-- > 0) {
                throw new LimitExceededException("Resource limit exceeded.");
            }
            return delegate.createExportTask(taskName, logGroupName, logStreamPrefix, from, to, bucket, prefix);
        }
    }

    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
