package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Listens for lots of its source datasets, runs its workload on each, and writes its sink datasets' manifests.
 * Roles (map keys) are how a workload finds its inputs and outputs; the convention is {@code main}.
 */
public abstract class Arc<W extends WorkloadSettings> extends Component {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Datasets this arc reads, by role.")
    private Map<String, SourceDataset> sources = new LinkedHashMap<>();
    @JsonProperty(required = true)
    @JsonPropertyDescription("Datasets this arc writes, by role.")
    private Map<String, SinkDataset> sinks = new LinkedHashMap<>();
    @JsonPropertyDescription("Arcs with several subscribed sources: \"all\" (default) starts a lot once every source "
            + "holds a complete or empty manifest for it; \"any\" starts it on the first source's lot.")
    @JsonInclude(JsonInclude.Include.NON_NULL) // written back (deploy records) only when declared: null is not a value
    private ArcTrigger trigger;
    @JsonPropertyDescription("The arc's own lot interval, coarser than its sources' (a roll-up): Fourths, Sixths, "
            + "Twelfths, Hours or Days. Absent: the arc keeps its first subscribed source's lots.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private String lotUnit;
    @JsonPropertyDescription("A roll-up (lotUnit set) only: how long after its interval's end a lot starts with the "
            + "source lots there are, recording the missing ones (ISO-8601 duration, e.g. PT2H). Absent: a lot "
            + "waits for every covered source lot.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private String lateAfter;
    @JsonPropertyDescription("Runs the arc on a schedule instead of on its sources' lots (ADR-0013): an EventBridge "
            + "expression in UTC, \"rate(1 hour)\" or \"cron(0 2 * * ? *)\". Each tick runs the lot that just ended, "
            + "with what the sources hold then; a scheduled arc may have no sources (\"sources\": {}).")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private String schedule;

    public Map<String, SourceDataset> getSources() {
        return sources;
    }

    public Map<String, SinkDataset> getSinks() {
        return sinks;
    }

    /** As declared; null when the file does not say (see {@link #joinsSources()}). */
    public ArcTrigger getTrigger() {
        return trigger;
    }

    /** As declared (a unit's display name); null when the arc keeps its sources' lots. */
    public String getLotUnit() {
        return lotUnit;
    }

    /** As declared (ISO-8601 duration); null when a roll-up's lot waits for every covered source lot (ADR-0012). */
    public String getLateAfter() {
        return lateAfter;
    }

    /** Whether the arc declares its own lot unit: each of its lots covers the source lots inside it (ADR-0012). */
    public boolean rollsUp() {
        return lotUnit != null && schedule == null;
    }

    /**
     * Whether this type's workload reads every covered source lot of a roll-up's lot (ADR-0012); one that reads only
     * the arriving lot's manifest would silently drop the rest, so such a type cannot roll up.
     */
    public boolean readsCoveredLots() {
        return false;
    }

    /** As declared; null when the arc runs on its sources' lots. */
    public String getSchedule() {
        return schedule;
    }

    /** Whether a lot waits for every subscribed source (ADR-0011): several subscribe and the trigger is not "any". */
    public boolean joinsSources() {
        return trigger != ArcTrigger.any && subscribedSources() > 1;
    }

    public long subscribedSources() {
        return sources.values().stream().filter(SourceDataset::isSubscribe).count();
    }

    public abstract W getWorkload();
}
