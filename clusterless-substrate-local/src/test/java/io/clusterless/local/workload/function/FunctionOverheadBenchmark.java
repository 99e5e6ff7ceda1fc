package io.clusterless.local.workload.function;

import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.function.LambdaExecSettings;
import io.clusterless.uri.ManifestURI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The per-invocation cost cls adds to a local function (bench/function-overhead.sh, docs/benchmarks.md): the same
 * trivial handler run N times directly (the interpreter started on a one-line driver that imports it and calls it
 * with the event) and N times as a lot through {@link LocalFunctionExecutor} (event built from the incoming
 * manifest and written to a file, process group with a lease, launcher, result file, sink manifest written).
 * Not a test: prints BENCH lines, asserts nothing; run with -Dtest=FunctionOverheadBenchmark.
 */
class FunctionOverheadBenchmark {
    private static final int WARMUP = 3;
    private static final int RUNS = Integer.getInteger("bench.runs", 20);

    @TempDir
    Path root;

    @Test
    void python() throws Exception {
        Path code = Files.createDirectories(root.resolve("py"));
        Files.writeString(code.resolve("bench_fn.py"), "def handler(event, context):\n    return {\"sinks\": {}}\n");
        measure("python", "python3.12", "bench_fn.handler", code, List.of("python3", "-B", "-c",
                "import json, sys; sys.path.insert(0, sys.argv[1]); import bench_fn; "
                        + "bench_fn.handler(json.load(open(sys.argv[2])), None)", code.toString()));
    }

    @Test
    void node() throws Exception {
        Path code = Files.createDirectories(root.resolve("node"));
        Files.writeString(code.resolve("bench_fn.mjs"), "export const handler = async () => ({ sinks: {} });\n");
        measure("node", "nodejs22.x", "bench_fn.handler", code, List.of("node", "--input-type=module", "-e",
                "import { readFileSync } from 'node:fs'; const m = await import('" + code.resolve("bench_fn.mjs").toUri()
                        + "'); await m.handler(JSON.parse(readFileSync(process.argv[1], 'utf8')), {});"));
    }

    private void measure(String name, String runtime, String handler, Path code, List<String> direct) throws Exception {
        String program = direct.get(0);
        assumeTrue(FunctionLaunchers.onPath(program, System.getenv("PATH")).isPresent(), program + " not on the PATH");
        FileObjectStore store = new FileObjectStore(root.resolve(name + "-root"));
        Files.createDirectories(store.bucketsRoot().resolve("manifests"));
        SinkDataset raw = new SinkDataset("raw", "1", "s3://data/raw/");
        SinkDataset out = new SinkDataset("out", "1", "s3://data/out/");
        ArcProps props = new ArcProps(Map.of("main", new SourceDataset("raw", "1", true)), Map.of("main", out),
                Map.of("main", ManifestURI.of("manifests", raw).withState(ManifestState.complete).template()),
                Map.of("main", ManifestURI.of("manifests", out).template()), null);
        LambdaExecSettings workload = Json.model().readValue("{\"runtime\": \"" + runtime + "\", \"handler\": \""
                + handler + "\", \"codePath\": \"x\"}", LambdaExecSettings.class);
        LocalFunctionExecutor cls = new LocalFunctionExecutor(new LocalFunctionExecutor.Spec(new ProjectId("B", "1"),
                "bench", "bench-func", workload, code, Map.of(), Duration.ofMinutes(1)), store,
                new FunctionLaunchers(root.resolve(name + "-launchers")), root.resolve(name + "-tmp"),
                root.resolve(name + "-logs"), new WorkloadLeases(root.resolve(name + "-leases")), Clock.systemUTC(),
                System.getenv("PATH"));
        Path event = root.resolve(name + "-event.json");
        Files.writeString(event, "{\"lot\": \"x\", \"sources\": {}, \"sinks\": {}}");
        List<String> directCommand = new ArrayList<>(direct);
        directCommand.add(event.toString());

        List<Long> directNanos = new ArrayList<>();
        List<Long> clsNanos = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(directCommand).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("direct run failed: " + directCommand);
            }
            long directTime = System.nanoTime() - start;

            String lot = String.format("20230101PT5M%03d", i);
            ManifestURI manifest = ManifestURI.of("manifests", raw).withLot(lot).withState(ManifestState.empty);
            new ManifestStore(store).create(manifest, Manifest.empty(lot));
            ArcWorkloadContext context = new ArcWorkloadContext("main", new ArcNotifyEvent(raw, lot,
                    manifest.identifier()));
            start = System.nanoTime();
            cls.run(context, props, "attempt-" + i);
            long clsTime = System.nanoTime() - start;
            if (i >= WARMUP) {
                directNanos.add(directTime);
                clsNanos.add(clsTime);
            }
        }
        double directMedian = median(directNanos);
        double clsMedian = median(clsNanos);
        System.out.printf("BENCH %s runs=%d direct median %.1f ms p90 %.1f ms | cls median %.1f ms p90 %.1f ms | "
                        + "overhead median %.1f ms%n", name, RUNS, directMedian, p90(directNanos), clsMedian,
                p90(clsNanos), clsMedian - directMedian);
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        return (n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0) / 1e6;
    }

    private static double p90(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) / 1e6;
    }
}
