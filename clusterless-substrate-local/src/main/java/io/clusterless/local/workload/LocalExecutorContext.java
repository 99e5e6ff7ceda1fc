package io.clusterless.local.workload;

import io.clusterless.local.catalog.LocalCatalog;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.store.FileObjectStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What an arc type's executor may use on the local substrate.
 *
 * @param store      the folder-backed object store of the run
 * @param projectDir the folder of the project files, against which the arc's relative paths resolve
 * @param root       the local root ({@code buckets/}, {@code catalog/}, {@code local/}, {@code tmp/})
 * @param endpoints  per arc, the environment of the local S3 endpoint with credentials limited to what the arc's role
 *                   may do on AWS; starts the endpoint on first use
 * @param leases     where workload processes are recorded while they may run
 * @param clock      the run's clock
 * @param path       the PATH runtimes are looked up in and processes run with
 * @param plan       the placed deployables
 * @param catalog    the local Glue catalog, with the tables the glueTable resources declared
 * @param parallelism how many lots the run executes at once, so an in-process engine can size its own threads
 */
public record LocalExecutorContext(FileObjectStore store, Path projectDir, Path root,
                                   Function<LocalPlan.ArcEntry, Map<String, String>> endpoints, WorkloadLeases leases,
                                   Clock clock, String path, LocalPlan plan, LocalCatalog catalog, int parallelism) {
    /** Credentials and endpoint for one arc's processes, fresh for this run. */
    public Map<String, String> endpointEnvironment(LocalPlan.ArcEntry arc) {
        return endpoints.apply(arc);
    }

    /** Where an arc's runs keep their output, one file per lot and attempt. */
    public Path logDir(String arcName) {
        return root.resolve("local").resolve("logs").resolve(arcName);
    }

    /** Files a run keeps only while it runs; cleared when a run starts. */
    public Path tmpDir() {
        return root.resolve("tmp");
    }

    /** Substrate state that is not an object: queues, leases, launchers. */
    public Path localDir() {
        return root.resolve("local");
    }
}
