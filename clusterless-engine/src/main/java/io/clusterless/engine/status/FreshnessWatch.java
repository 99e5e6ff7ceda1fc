package io.clusterless.engine.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.json.Json;
import io.clusterless.uri.ManifestURI;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One tick of a project's freshness watch: judges each dataset, keeps its level at
 * {@code freshness/name=N/version=V/level.json} in the metadata bucket, and announces a level that changed. The
 * record is written with a conditional write before the announcement, so of two overlapping ticks that see the
 * same change only the one whose write wins announces it.
 */
public final class FreshnessWatch {
    private final FreshnessProps props;
    private final ObjectStore store;
    private final FreshnessEvents events;
    private final Clock clock;

    public FreshnessWatch(FreshnessProps props, ObjectStore store, FreshnessEvents events, Clock clock) {
        this.props = props;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The key of a dataset's last level in the metadata bucket. */
    public static String levelKey(String name, String version) {
        return "freshness/name=" + name + "/version=" + version + "/level.json";
    }

    /** Judges every dataset now; returns the judgements (for metrics) and announces the changes. */
    public List<DatasetFreshness> tick() {
        Instant now = clock.instant();
        List<DatasetFreshness> judged = new ArrayList<>();
        for (FreshnessProps.Watched dataset : props.datasets()) {
            ManifestURI manifests = ManifestURI.of(props.manifestBucket()).withDatasetName(dataset.name())
                    .withDatasetVersion(dataset.version());
            DatasetFreshness freshness = DatasetFreshness.check(store, manifests, dataset.unit(), dataset.targets(),
                    now);
            judged.add(freshness);
            record(dataset, freshness, now);
        }
        return judged;
    }

    private void record(FreshnessProps.Watched dataset, DatasetFreshness freshness, Instant now) {
        String key = levelKey(dataset.name(), dataset.version());
        Optional<StoredObject> stored = store.get(props.metadataBucket(), key);
        FreshnessLevel previous = stored.map(object -> previousLevel(object.body())).orElse(null);
        if (previous == freshness.level()) {
            return;
        }
        FreshnessChange change = new FreshnessChange(props.project().id(), dataset.name(), dataset.version(),
                freshness.level(), previous, freshness.lastComplete().map(lot -> lot.format()).orElse(null),
                freshness.age().map(age -> age.toSeconds()).orElse(null), now.toString());
        ObjectNode tree = Json.records().valueToTree(change);
        // the store takes a write whose bytes are already there for its own retried write: a tick of its own
        // makes every record unique, so a second tick that saw the same change loses its conditional write
        tree.put("tick", UUID.randomUUID().toString());
        byte[] body = tree.toString().getBytes(StandardCharsets.UTF_8);
        Optional<String> written = stored.isEmpty()
                ? store.createIfAbsent(props.metadataBucket(), key, body, "application/json")
                : store.replaceIfMatch(props.metadataBucket(), key, body, "application/json", stored.get().info().etag());
        if (written.isPresent()) {
            events.publish(change);
        }
    }

    private static FreshnessLevel previousLevel(byte[] body) {
        try {
            JsonNode node = Json.records().readTree(body);
            return FreshnessLevel.valueOf(node.path("level").asText());
        } catch (Exception unreadable) {
            return null; // an unreadable record is replaced by the next change
        }
    }

    /**
     * One CloudWatch embedded-metric-format line per dataset: Lambda's log pipeline turns it into the metrics
     * {@code AgeSeconds} and {@code Level} (0 ok, 1 warn, 2 error) in namespace {@value #NAMESPACE}, no API call.
     */
    public static String metricLine(String project, DatasetFreshness freshness, Instant now) {
        ObjectNode line = Json.records().createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", now.toEpochMilli());
        ObjectNode metrics = aws.putArray("CloudWatchMetrics").addObject();
        metrics.put("Namespace", NAMESPACE);
        metrics.putArray("Dimensions").addArray().add("Project").add("Dataset");
        metrics.putArray("Metrics").addObject().put("Name", "AgeSeconds").put("Unit", "Seconds");
        metrics.withArray("Metrics").addObject().put("Name", "Level").put("Unit", "None");
        line.put("Project", project);
        line.put("Dataset", freshness.dataset().datasetName() + "/" + freshness.dataset().datasetVersion());
        // no complete lot in the look-back: at least that old, which is past every target
        line.put("AgeSeconds", freshness.age().orElse(freshness.lookBack()).toSeconds());
        line.put("Level", freshness.level().ordinal());
        return line.toString();
    }

    public static final String NAMESPACE = "Clusterless/Freshness";
}
