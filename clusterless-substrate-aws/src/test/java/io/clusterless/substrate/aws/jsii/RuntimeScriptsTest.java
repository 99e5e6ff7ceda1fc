package io.clusterless.substrate.aws.jsii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiRuntime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The user cache's copy of jsii's runtime scripts: what jsii extracts on each start, once, whole, the user's own. */
class RuntimeScriptsTest {
    private static final List<String> SCRIPTS = List.of("bin/jsii-runtime.js", "bin/jsii-runtime.js.map",
            "lib/program.js", "lib/program.js.map", "lib/runtime-index-worker.js", "lib/runtime-index-worker.js.map");

    @TempDir
    Path temp;

    private final Path jar = CacheFolder.jarOf(JsiiRuntime.class).orElseThrow();

    @Test
    void theScriptsJsiiExtracts_areCopiedOnce_asTheyAreInTheJar_readableByTheUserOnly() throws IOException {
        RuntimeScripts scripts = new RuntimeScripts(temp);

        Path script = scripts.script(jar).orElseThrow();

        Path copy = script.getParent().getParent();
        assertThat(copy.getParent()).isEqualTo(scripts.dir());
        assertThat(copy.getFileName().toString()).matches("[0-9a-f]{64}")
                .as("never the name of jsii's temporary runtime folders, which jsii-host.js removes")
                .doesNotMatch("jsii-java-runtime\\d+");
        for (String file : SCRIPTS) {
            assertThat(Files.readAllBytes(copy.resolve(file))).as(file).isEqualTo(resource(file));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(files(copy)).hasSize(SCRIPTS.size());
        for (Path folder : List.of(scripts.dir(), copy, copy.resolve("bin"), copy.resolve("lib"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        }
        assertThat(scripts.script(jar)).contains(script);
        assertThat(list(scripts.dir())).containsExactly(copy);
    }

    @Test
    void twoFirstRunsAtOnce_bothGetACompleteCopy_andLeaveOneFolder() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Path>>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RuntimeScripts scripts = new RuntimeScripts(temp);
                Callable<Optional<Path>> task = () -> {
                    start.await();
                    return scripts.script(jar);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            Path one = results.get(0).get().orElseThrow();
            Path two = results.get(1).get().orElseThrow();

            assertThat(one).isEqualTo(two);
            Path copy = one.getParent().getParent();
            for (String file : SCRIPTS) {
                assertThat(Files.readAllBytes(copy.resolve(file))).as(file).isEqualTo(resource(file));
            }
            assertThat(list(temp.resolve("jsii-runtime"))).containsExactly(copy);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherJar_getsACopyOfItsOwn() throws IOException {
        Path other = Files.copy(jar, temp.resolve("jsii-runtime.jar"));

        assertThat(RuntimeScripts.key(other)).isPresent().isNotEqualTo(RuntimeScripts.key(jar));
        assertThat(RuntimeScripts.key(temp)).as("not a jar").isEmpty();
    }

    @Test
    void aFolderOthersMayWrite_isNeverUsed() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("jsii-runtime"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));

        assertThat(new RuntimeScripts(temp).script(jar)).isEmpty();
        assertThat(list(dir)).isEmpty();
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = JsiiRuntime.class.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
