package io.clusterless.cli;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of a {@code cls local run} mid-way, then a restart: the run resumes, every lot ends complete,
 * nothing is lost, and no lot that was complete at the kill runs again.
 */
class LocalCrashRestartTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String STATES = "dev-clusterless-arc-state-123456789012-us-west-2";
    private static final String ARCS = "arcs/project=CopyChain/version=20230101-00/";
    private static final int LOTS = 40;
    private static final int PER_LOT = 50;

    @TempDir
    Path root;

    @Test
    void aRunKilledMidWayResumesOnRestartWithoutLosingOrRepeatingALot() throws Exception {
        Path ingress = root.resolve("buckets").resolve(BUCKET).resolve("ingress");
        LotId first = LotId.of(LotUnit.TWELFTHS, Instant.now()).plus(-LOTS - 1);
        for (int lot = 0; lot < LOTS; lot++) {
            for (int i = 0; i < PER_LOT; i++) {
                Path file = ingress.resolve("l" + lot).resolve("f" + i + ".csv");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "lot " + lot + " file " + i);
                Files.setLastModifiedTime(file, FileTime.from(first.plus(lot).start().plusSeconds(30)));
            }
        }

        Process child = cls("local", "run", "-p", Examples.file("copy-chain/project.json").toString(),
                "--local-root", root.toString(), "--until-idle", "--parallelism", "2");
        Path copyC = root.resolve("buckets").resolve(STATES).resolve(ARCS + "arc=copyC");
        // kill once some lots went all the way through the chain and others have not
        while (child.isAlive() && completeLots(copyC).size() < 3) {
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("the run was still going when killed").isTrue();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Map<String, Long> attemptsAtKill = attempts();
        List<String> completeAtKill = completeLots(copyC);
        assertThat(completeAtKill.size()).isLessThan(LOTS + 1);

        Process restart = cls("local", "run", "-p", Examples.file("copy-chain/project.json").toString(),
                "--local-root", root.toString(), "--until-idle", "--parallelism", "2");
        assertThat(restart.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(restart.exitValue()).as(new String(restart.getInputStream().readAllBytes())).isZero();

        for (String arc : List.of("copyA", "copyB", "copyC")) {
            Path states = root.resolve("buckets").resolve(STATES).resolve(ARCS + "arc=" + arc);
            for (int lot = 0; lot < LOTS; lot++) {
                assertThat(states.resolve("lot=" + first.plus(lot).format()).resolve("complete.arc"))
                        .as(arc + " lot " + lot).exists();
            }
        }
        try (Stream<Path> copied = Files.walk(root.resolve("buckets").resolve(BUCKET).resolve("copy-c"))) {
            assertThat(copied.filter(Files::isRegularFile).count()).isEqualTo((long) LOTS * PER_LOT);
        }
        Map<String, Long> attemptsAfter = attempts();
        for (String lot : completeAtKill) {
            String key = "copyC/" + lot;
            assertThat(attemptsAfter.get(key)).as("attempts of complete " + key).isEqualTo(attemptsAtKill.get(key));
        }
    }

    private static List<String> completeLots(Path arc) throws Exception {
        if (!Files.isDirectory(arc)) {
            return List.of();
        }
        List<String> lots = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(arc)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                if (Files.exists(dir.resolve("complete.arc"))) {
                    lots.add(dir.getFileName().toString());
                }
            }
        }
        return lots;
    }

    /** arc/lot → how many attempts the arc state records (one file each under arc-attempts/). */
    private Map<String, Long> attempts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        Path attempts = root.resolve("buckets").resolve(STATES).resolve("arc-attempts/project=CopyChain/version=20230101-00");
        if (!Files.isDirectory(attempts)) {
            return counts;
        }
        try (Stream<Path> files = Files.walk(attempts)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                Path lotDir = file.getParent();
                String key = lotDir.getParent().getFileName().toString().substring("arc=".length()) + "/"
                        + lotDir.getFileName();
                counts.merge(key, 1L, Long::sum);
            });
        }
        return counts;
    }

    private static Process cls(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
