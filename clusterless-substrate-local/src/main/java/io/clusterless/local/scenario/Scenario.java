package io.clusterless.local.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A {@code scenario.json} of the original's scenario runner (reference §6.2): project files to place, objects to
 * write into ingress stores, and stores to watch until they hold enough objects. Placements are ignored locally:
 * the projects' own placement names the local buckets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scenario(Boolean enabled, String name, String description, List<String> projectFiles,
                       List<IngressStore> ingressStores, List<WatchedStore> watchedStores) {
    public Scenario {
        projectFiles = projectFiles == null ? List.of() : List.copyOf(projectFiles);
        ingressStores = ingressStores == null ? List.of() : List.copyOf(ingressStores);
        watchedStores = watchedStores == null ? List.of() : List.copyOf(watchedStores);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /**
     * Objects to write: {@code objectCount} objects named {@code objectName} formatted with (iteration, epoch
     * millis), each {@code uploadDelaySec} after the previous, holding {@code objectCount} lines of
     * {@code record.value} formatted with the line index.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IngressStore(String region, String path, Integer uploadDelaySec, int objectCount, String objectName,
                               Record record) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String value, Integer numRecords, String header) {
    }

    /** A store that must hold at least {@code objectCount} objects ({@code s3}) or partitions ({@code glue}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WatchedStore(String watchType, String region, String path, int objectCount, Integer pollingSleepSec,
                               Integer timeoutSec) {
    }
}
