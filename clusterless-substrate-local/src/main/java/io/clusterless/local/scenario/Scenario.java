package io.clusterless.local.scenario;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * A scenario file of the original's scenario runner (reference §6.2): project files to place, objects to write into
 * ingress stores, and stores to watch until they hold enough objects. Every field the original defaulted has the
 * original's default here, so its scenario files run as written. Placements are ignored locally: the projects' own
 * placement names the local buckets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Scenario(Boolean enabled, String name, String description, List<String> projectFiles,
                       List<Map<String, String>> placements, List<IngressStore> ingressStores,
                       List<WatchedStore> watchedStores) {
    public Scenario {
        projectFiles = projectFiles == null ? List.of() : List.copyOf(projectFiles);
        placements = placements == null ? List.of() : List.copyOf(placements);
        ingressStores = ingressStores == null ? List.of() : List.copyOf(ingressStores);
        watchedStores = watchedStores == null ? List.of() : List.copyOf(watchedStores);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    /**
     * Objects to write: {@code objectCount} objects named {@code objectName} formatted with (iteration from 1,
     * epoch millis), each {@code uploadDelaySec} after the previous, holding {@code objectCount} lines of
     * {@code record.value} formatted with the line index from 0 (as the original wrote them: it never read
     * {@code numRecords}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IngressStore(String region, String path, Integer uploadDelaySec, Integer objectCount,
                               String objectName, Record record) {
        public static final String DEFAULT_OBJECT_NAME = "data-%04d-%d.txt";
        public static final int DEFAULT_UPLOAD_DELAY_SEC = 5 * 60;
        public static final int DEFAULT_OBJECT_COUNT = 3;

        public IngressStore {
            uploadDelaySec = uploadDelaySec == null ? DEFAULT_UPLOAD_DELAY_SEC : uploadDelaySec;
            objectCount = objectCount == null ? DEFAULT_OBJECT_COUNT : objectCount;
            objectName = objectName == null ? DEFAULT_OBJECT_NAME : objectName;
            record = record == null ? new Record(null, null, null) : record;
        }

        /** What each object holds: {@code objectCount} lines of {@code record.value} formatted with the line index. */
        public byte[] body() {
            List<String> lines = new java.util.ArrayList<>();
            for (int line = 0; line < objectCount; line++) {
                lines.add(String.format(record.value(), line));
            }
            return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String value, Integer numRecords, String header) {
        public static final String DEFAULT_VALUE = "%d,value";

        public Record {
            value = value == null ? DEFAULT_VALUE : value;
            numRecords = numRecords == null ? 20 : numRecords;
        }
    }

    /**
     * A store that must hold at least {@code objectCount} (default 3) objects ({@code s3}, the default) or partitions
     * ({@code glue}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WatchedStore(String watchType, String region, String path, Integer objectCount,
                               Integer pollingSleepSec, Integer timeoutSec) {
        public static final int DEFAULT_OBJECT_COUNT = 3;

        public WatchedStore {
            watchType = watchType == null ? "s3" : watchType;
            objectCount = objectCount == null ? DEFAULT_OBJECT_COUNT : objectCount;
            pollingSleepSec = pollingSleepSec == null ? 60 : pollingSleepSec;
            timeoutSec = timeoutSec == null ? 3 * 15 * 60 : timeoutSec;
        }
    }
}
