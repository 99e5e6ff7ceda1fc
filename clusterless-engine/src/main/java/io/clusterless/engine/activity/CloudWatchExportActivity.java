package io.clusterless.engine.activity;

import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.logs.LogExporter;
import io.clusterless.lot.LotUnit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The cloudWatchExport activity (reference §5.8): on each scheduled event, exports the log group's previous interval
 * ({@link ExportWindow}) to {@code pathURI}. CloudWatch Logs runs one export task per account at a time and answers
 * {@code LimitExceededException} meanwhile, so the call is retried with exponential backoff (3 s, doubling, at most
 * 3 min apart) until shortly before the invocation's deadline.
 */
public final class CloudWatchExportActivity {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(3);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(3);
    /** Left for logging and returning before the function times out. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(CloudWatchExportActivity.class.getName());

    private final CloudWatchExportProps props;
    private final LotUnit unit;
    private final S3Location destination;
    private final LogExporter exporter;
    private final Clock clock;
    private final Sleeper sleeper;

    public CloudWatchExportActivity(CloudWatchExportProps props, LogExporter exporter) {
        this(props, exporter, Clock.systemUTC(), Sleeper.THREAD);
    }

    /** @throws IllegalArgumentException for props that cannot work (unknown interval, no log group, not s3://) */
    public CloudWatchExportActivity(CloudWatchExportProps props, LogExporter exporter, Clock clock, Sleeper sleeper) {
        this.props = Objects.requireNonNull(props, "props are required");
        if (props.logGroupName() == null || props.logGroupName().isBlank()) {
            throw new IllegalArgumentException("cloudWatchExport props name no logGroupName");
        }
        this.unit = LotUnit.parse(props.interval());
        this.destination = S3Location.parse(props.pathURI());
        this.exporter = exporter;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Starts the export of the interval before {@code eventTime}.
     *
     * @param remaining time left in this invocation; retries stop 5 s before it ends
     * @throws ActivityException when another export kept running until the deadline
     */
    public ExportStarted run(Instant eventTime, Duration remaining) {
        ExportWindow window = ExportWindow.before(unit, eventTime);
        Instant deadline = clock.instant().plus(remaining).minus(DEADLINE_MARGIN);
        String prefix = trimSlashes(destination.prefix());
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                String taskId = exporter.createExportTask(window.taskName(), props.logGroupName(),
                        props.logStreamPrefix(), window.from(), window.to(), destination.bucket(), prefix);
                LOG.log(System.Logger.Level.INFO, "export task {0} ({1}) started for {2} [{3}, {4}] to {5}",
                        window.taskName(), taskId, props.logGroupName(), window.from(), window.to(), destination);
                return new ExportStarted(taskId, window, attempt);
            } catch (LogExporter.LimitExceededException e) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    throw new ActivityException("export task " + window.taskName() + " of log group "
                            + props.logGroupName() + " not started after " + attempt + " attempts: another export "
                            + "task of the account kept running (LimitExceededException) until this invocation's "
                            + "deadline; the next scheduled run exports its own interval, this one needs a re-run", e);
                }
                Duration wait = backoff.compareTo(left) < 0 ? backoff : left;
                LOG.log(System.Logger.Level.INFO, "another export task is running; retrying {0} in {1}",
                        window.taskName(), wait);
                sleep(wait);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The remaining time when no invocation deadline is known: the function's configured timeout. */
    public Duration configuredTimeout() {
        return Duration.ofMinutes(props.timeoutMin() > 0 ? props.timeoutMin() : 15);
    }

    private void sleep(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ActivityException("interrupted while waiting to retry the export", e);
        }
    }

    private static String trimSlashes(String prefix) {
        String trimmed = prefix;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }
}
