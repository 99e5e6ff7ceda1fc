package io.clusterless.event;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measurements a workload reports about one run, by name (e.g. {@code athenaScannedBytes}), carried from the workload
 * to the complete gate ({@link ArcStateContext#workloadMetrics()}) and recorded with the run's end (ADR-0003). Each
 * name says who measured what, so figures of different meaning never share a name: Athena's scanned bytes on AWS
 * are {@link #ATHENA_SCANNED_BYTES}, the bytes DuckDB read in a local run are {@link #DUCKDB_BYTES_READ}.
 */
public final class WorkloadMetrics {
    /** {@code QueryExecution.Statistics.DataScannedInBytes} of the lot's Athena query: what Athena bills. */
    public static final String ATHENA_SCANNED_BYTES = "athenaScannedBytes";
    /** The bytes DuckDB read from files for the lot's query in a local run (its profiler's total_bytes_read). */
    public static final String DUCKDB_BYTES_READ = "duckdbBytesRead";

    private WorkloadMetrics() {
    }

    /** An unmodifiable copy in name order, without null values; empty for null. */
    public static Map<String, Long> copy(Map<String, Long> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, Long> copy = new TreeMap<>();
        metrics.forEach((name, value) -> {
            if (name != null && value != null) {
                copy.put(name, value);
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
