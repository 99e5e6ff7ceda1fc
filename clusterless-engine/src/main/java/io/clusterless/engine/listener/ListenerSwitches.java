package io.clusterless.engine.listener;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.engine.status.ListenerHistory;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.uri.ListenerChangeURI;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The enabled/disabled history of listeners (arc listener rules, boundary rules and schedules), kept in the
 * placement's metadata bucket as one object per change at a {@link ListenerChangeURI}. Keys sort by time,
 * so one listing gives a component's whole history and its last key is the current state. Changes are appended,
 * never rewritten: gap reports can tell that a lot's upstream arrived while its arc was disabled, and a deploy
 * reads the current state so a redeploy keeps a disabled listener disabled (ADR-0004).
 */
public final class ListenerSwitches implements ListenerHistory {
    public static final String ROOT = ListenerChangeURI.ROOT;

    private final ObjectStore store;
    private final String metadataBucket;
    private final Clock clock;
    private final Map<String, List<ListenerChange>> histories = new HashMap<>();

    public ListenerSwitches(ObjectStore store, String metadataBucket, Clock clock) {
        this.store = store;
        this.metadataBucket = metadataBucket;
        this.clock = clock;
    }

    /** Records a change now; recording the state a listener already has is harmless (history shows both). */
    public ListenerChange record(String project, String version, String component, boolean enabled, String reason) {
        Instant now = clock.instant();
        ListenerChange change = new ListenerChange(project, version, component, enabled, now.toString(), reason);
        String key = ListenerChangeURI.of(metadataBucket, project, version, component).withAt(now).key();
        try {
            store.put(metadataBucket, key, Json.records().writeValueAsBytes(change), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write listener change", e);
        }
        histories.remove(prefix(project, version, component));
        return change;
    }

    /** Whether the listener is enabled now: listeners are enabled until a change says otherwise. */
    public boolean enabled(String project, String version, String component) {
        List<ListenerChange> history = history(project, version, component);
        return history.isEmpty() || history.get(history.size() - 1).enabled();
    }

    /**
     * The listeners of one project version that are disabled now, by component name: what a deploy synthesizes
     * with {@code State: DISABLED}. One listing of the project's records; only each listener's newest record is read
     * (an unreadable newest record gives way to the one before it, as in {@link #history}).
     */
    public SortedSet<String> disabled(String project, String version) {
        String projectPrefix = ListenerChangeURI.of(metadataBucket, project, version, null).listPrefix();
        Map<String, List<ObjectInfo>> byComponent = new TreeMap<>();
        try (Stream<ObjectInfo> keys = store.listKeys(metadataBucket, projectPrefix, null)) {
            keys.forEach(info -> ListenerChangeURI.ofListed(info.key()).ifPresent(change ->
                    byComponent.computeIfAbsent(change.component(), c -> new ArrayList<>()).add(info)));
        }
        SortedSet<String> disabled = new TreeSet<>();
        byComponent.forEach((component, records) -> {
            records.sort(Comparator.comparing(ObjectInfo::key).reversed());
            for (ObjectInfo info : records) {
                Optional<ListenerChange> change = read(info);
                if (change.isPresent()) {
                    if (!change.get().enabled()) {
                        disabled.add(component);
                    }
                    break;
                }
            }
        });
        return disabled;
    }

    /** Every change of one listener, oldest first. */
    public List<ListenerChange> history(String project, String version, String component) {
        return histories.computeIfAbsent(prefix(project, version, component), prefix -> {
            List<ListenerChange> changes = new ArrayList<>();
            // keys only: each record is read once, below (a listing with ETags reads every file in the local store)
            try (Stream<ObjectInfo> keys = store.listKeys(metadataBucket, prefix, null)) {
                keys.filter(info -> info.key().endsWith(".json")).forEach(info -> read(info).ifPresent(changes::add));
            }
            return changes;
        });
    }

    /** @param project {@code name/version}, as gap reports name projects */
    @Override
    public boolean disabledAt(String project, String arc, Instant when) {
        int slash = project.lastIndexOf('/');
        boolean enabled = true;
        for (ListenerChange change : history(project.substring(0, slash), project.substring(slash + 1), arc)) {
            if (change.instant().isAfter(when)) {
                break;
            }
            enabled = change.enabled();
        }
        return !enabled;
    }

    private Optional<ListenerChange> read(ObjectInfo info) {
        return store.get(metadataBucket, info.key()).flatMap(object -> {
            try {
                return Optional.of(Json.records().readValue(object.body(), ListenerChange.class));
            } catch (IOException unreadable) {
                return Optional.empty(); // a record someone else wrote; it says nothing we can use
            }
        });
    }

    private String prefix(String project, String version, String component) {
        return ListenerChangeURI.of(metadataBucket, project, version, component).keyPath();
    }
}
