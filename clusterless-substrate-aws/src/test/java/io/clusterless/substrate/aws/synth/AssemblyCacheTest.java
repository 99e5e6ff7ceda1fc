package io.clusterless.substrate.aws.synth;

import io.clusterless.model.SinkDataset;
import io.clusterless.substrate.aws.Projects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The assembly cache: an unchanged synthesis is copied, a change of any input synthesizes afresh. */
class AssemblyCacheTest {
    private static final Path COPY_CHAIN = Projects.EXAMPLES.resolve("copy-chain/project.json");
    private static final Map<String, String> ENVIRONMENT = Map.of("CDK_VALIDATION", "false", "HOME", "/home/someone");

    @TempDir
    Path temp;

    private static SynthKey key(List<ProjectInput> inputs, SynthOptions options, Map<String, String> environment,
                                String version, FileDigests digests) {
        return SynthKey.of(inputs, options, environment, version, digests).orElseThrow();
    }

    @Test
    void unchangedProject_isCopiedFromTheCache_withTheSameTemplatesAndStacks() throws IOException {
        AssemblyCache cache = new AssemblyCache(temp.resolve("cache"));
        List<ProjectInput> inputs = Projects.load(COPY_CHAIN);
        SynthOptions options = SynthOptions.defaults(Projects.lambdaJar());
        AtomicInteger fresh = new AtomicInteger();
        Path first = temp.resolve("first");
        SynthResult synthesized = cache.synthesize(SynthKey.of(inputs, options, ENVIRONMENT, "1", cache.digests()),
                first, () -> {
                    fresh.incrementAndGet();
                    return AwsSynthesizer.synthesize(inputs, options, first);
                });

        Path second = temp.resolve("second");
        List<ProjectInput> reloaded = Projects.load(COPY_CHAIN);
        SynthResult cached = cache.synthesize(SynthKey.of(reloaded, options, ENVIRONMENT, "1", cache.digests()),
                second, () -> {
                    fresh.incrementAndGet();
                    return AwsSynthesizer.synthesize(reloaded, options, second);
                });

        assertThat(fresh).hasValue(1);
        assertThat(cached.outdir()).isEqualTo(second);
        assertThat(cached.stacks()).isEqualTo(synthesized.stacks());
        assertThat(cached.notes()).isEqualTo(synthesized.notes());
        assertThat(files(second)).isEqualTo(files(first));
    }

    @Test
    void eachChangedInput_synthesizesAfresh() throws IOException {
        Path jar = Files.writeString(temp.resolve("lambda.jar"), "jar one");
        List<ProjectInput> inputs = Projects.load(COPY_CHAIN);
        SynthOptions base = SynthOptions.defaults(jar);
        FileDigests digests = new FileDigests(temp.resolve("cache"));
        String version = "1.0.0";

        Map<String, Supplier<SynthKey>> changes = new LinkedHashMap<>();
        changes.put("unchanged", () -> key(inputs, base, ENVIRONMENT, version, digests));
        changes.put("model", () -> {
            // only the model differs: same file name and folder as the unchanged input
            ProjectInput edited = Projects.loadText("copy-chain-memory", readString(COPY_CHAIN)
                    .replace("\"memorySizeMB\": 1024", "\"memorySizeMB\": 2048")).get(0);
            return key(List.of(new ProjectInput(edited.deployable(), inputs.get(0).baseDir(), inputs.get(0).display())),
                    base, ENVIRONMENT, version, digests);
        });
        changes.put("file name", () -> key(List.of(new ProjectInput(inputs.get(0).deployable(),
                inputs.get(0).baseDir(), "other.json")), base, ENVIRONMENT, version, digests));
        changes.put("base dir", () -> key(List.of(new ProjectInput(inputs.get(0).deployable(), temp,
                inputs.get(0).display())), base, ENVIRONMENT, version, digests));
        changes.put("second file", () -> key(List.of(inputs.get(0), inputs.get(0)), base, ENVIRONMENT, version, digests));
        changes.put("excludeAllTags", () -> key(inputs, new SynthOptions(jar, true, Set.of(), false, Set.of(), false,
                false, true), ENVIRONMENT, version, digests));
        changes.put("excludeArcs", () -> key(inputs, new SynthOptions(jar, false, Set.of("copyB"), false, Set.of(),
                false, false, true), ENVIRONMENT, version, digests));
        changes.put("excludeAllArcs", () -> key(inputs, new SynthOptions(jar, false, Set.of(), true, Set.of(), false,
                false, true), ENVIRONMENT, version, digests));
        changes.put("onlyResources", () -> key(inputs, new SynthOptions(jar, false, Set.of(), false, Set.of("bucket"),
                false, false, true), ENVIRONMENT, version, digests));
        changes.put("removeAllOnDestroy", () -> key(inputs, new SynthOptions(jar, false, Set.of(), false, Set.of(),
                true, false, true), ENVIRONMENT, version, digests));
        changes.put("nag", () -> key(inputs, base.withNag(true), ENVIRONMENT, version, digests));
        changes.put("snapStart", () -> key(inputs, base.withSnapStart(false), ENVIRONMENT, version, digests));
        changes.put("imageAssets", () -> key(inputs, base.withImageAssets(false), ENVIRONMENT, version, digests));
        changes.put("deployedOwners", () -> key(inputs, base.withDeployedOwners(Map.of("x/1", new SinkDataset())),
                ENVIRONMENT, version, digests));
        changes.put("bootstrapSubnets", () -> key(inputs, base.withBootstrapSubnets(
                Map.of("dev-clusterless-metadata-123456789012-us-west-2", List.of("subnet-1"))), ENVIRONMENT, version,
                digests));
        changes.put("disabledListeners", () -> key(inputs, base.withDisabledListeners(
                Map.of("CopyChain/20230101-00", Set.of("copyA"))), ENVIRONMENT, version, digests));
        changes.put("lambda jar path", () -> {
            try {
                Path other = Files.writeString(temp.resolve("other.jar"), "jar one");
                return key(inputs, SynthOptions.defaults(other), ENVIRONMENT, version, digests);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        changes.put("cls version", () -> key(inputs, base, ENVIRONMENT, "1.0.1", digests));
        changes.put("CDK environment", () -> key(inputs, base, Map.of("CDK_VALIDATION", "true"), version, digests));
        changes.put("jsii environment", () -> key(inputs, base, Map.of("CDK_VALIDATION", "false",
                "JSII_NODE", "/opt/node"), version, digests));
        // last: the jar's content changes in place (a rebuild), which every key above was made without
        changes.put("lambda jar content", () -> {
            try {
                Files.writeString(jar, "jar two, longer");
                return key(inputs, base, ENVIRONMENT, version, digests);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        AssemblyCache cache = new AssemblyCache(temp.resolve("cache"));
        SynthKey unchanged = changes.get("unchanged").get();
        AtomicInteger fresh = new AtomicInteger();
        cache.synthesize(Optional.of(unchanged), temp.resolve("base"), marker("unchanged", temp.resolve("base"), fresh));
        for (Map.Entry<String, Supplier<SynthKey>> change : changes.entrySet()) {
            if (change.getKey().equals("unchanged")) {
                continue;
            }
            SynthKey key = change.getValue().get();
            assertThat(key).as(change.getKey()).isNotEqualTo(unchanged);
            Path outdir = temp.resolve("out-" + fresh.get());
            int before = fresh.get();
            cache.synthesize(Optional.of(key), outdir, marker(change.getKey(), outdir, fresh));
            assertThat(fresh.get()).as(change.getKey() + " synthesized afresh").isEqualTo(before + 1);
            assertThat(Files.readString(outdir.resolve("manifest.json"))).isEqualTo(change.getKey());
        }
    }

    @Test
    void sameInputs_giveTheSameKey_whateverTheOrderOfSetsAndEnvironment() throws IOException {
        Path jar = Files.writeString(temp.resolve("lambda.jar"), "jar");
        FileDigests digests = new FileDigests(temp.resolve("cache"));
        SynthOptions one = new SynthOptions(jar, false, Set.of("a", "b", "c", "d"), false, Set.of(), false, false, true);
        SynthOptions two = new SynthOptions(jar, false, new java.util.TreeSet<>(List.of("d", "c", "b", "a")), false,
                Set.of(), false, false, true);
        Map<String, String> environment = new TreeMap<>(ENVIRONMENT);
        environment.put("PATH", "/bin"); // not read by synthesis

        assertThat(key(Projects.load(COPY_CHAIN), two, environment, "1", digests))
                .isEqualTo(key(Projects.load(COPY_CHAIN), one, ENVIRONMENT, "1", digests));
    }

    @Test
    void projectWithLocalFunctionCode_hasNoKey_andIsAlwaysSynthesized() throws IOException {
        Path jar = Files.writeString(temp.resolve("lambda.jar"), "jar");
        List<ProjectInput> inputs = Projects.load(Projects.EXAMPLES.resolve("function-python/project.json"));

        assertThat(SynthKey.of(inputs, SynthOptions.defaults(jar), ENVIRONMENT, "1", new FileDigests(temp)))
                .isEmpty();
    }

    @Test
    void twoProcessesStoringTheSameKey_leaveOneWholeEntry() throws Exception {
        AssemblyCache cache = new AssemblyCache(temp.resolve("cache"));
        SynthKey key = new SynthKey("a".repeat(64));
        int writers = 4;
        CountDownLatch ready = new CountDownLatch(writers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Path outdir = temp.resolve("writer-" + i);
            done.add(pool.submit(() -> {
                SynthResult result = assembly(outdir, "same");
                ready.countDown();
                go.await();
                cache.store(key, result);
                return null;
            }));
        }
        ready.await();
        go.countDown();
        for (Future<?> future : done) {
            future.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        try (Stream<Path> entries = Files.list(temp.resolve("cache/assemblies"))) {
            assertThat(entries.map(p -> p.getFileName().toString()).toList()).containsExactly(key.hex());
        }
        Path restored = temp.resolve("restored");
        assertThat(cache.restore(key, restored)).isPresent();
        assertThat(Files.readString(restored.resolve("manifest.json"))).isEqualTo("same");
    }

    @Test
    void noKey_synthesizesEveryTime() {
        AssemblyCache cache = new AssemblyCache(temp.resolve("cache"));
        AtomicInteger fresh = new AtomicInteger();
        cache.synthesize(Optional.empty(), temp.resolve("a"), marker("a", temp.resolve("a"), fresh));
        cache.synthesize(Optional.empty(), temp.resolve("b"), marker("b", temp.resolve("b"), fresh));

        assertThat(fresh).hasValue(2);
        assertThat(temp.resolve("cache/assemblies")).doesNotExist();
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A synthesis that writes {@code content} as its manifest, counting its calls. */
    private static Supplier<SynthResult> marker(String content, Path outdir, AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return assembly(outdir, content);
        };
    }

    private static SynthResult assembly(Path outdir, String content) {
        try {
            Files.createDirectories(outdir);
            Files.writeString(outdir.resolve("manifest.json"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SynthResult(outdir, List.of(), List.of(), List.of(content), new Timings());
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), FileDigests.sha256(Files.readAllBytes(file)));
            }
        }
        return files;
    }
}
