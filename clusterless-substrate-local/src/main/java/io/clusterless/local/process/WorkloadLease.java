package io.clusterless.local.process;

/**
 * The record a run keeps in the local root for each workload process group it started, before the workload runs:
 * the group's leader (its pid is the group and session id) named by pid and start time, the boot it belongs to, and
 * which lot it runs (for messages).
 */
public record WorkloadLease(long pid, long startTicks, String bootId, String lot, String log) {

    String fileName() {
        return pid + "-" + startTicks + ".json";
    }

    String describe() {
        return "workload process group " + pid + " of lot " + lot + " (output in " + log + ")";
    }
}
