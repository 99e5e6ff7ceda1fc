package io.clusterless.local.run;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landing files with names that are legal on the file system: each becomes the key {@code aws s3 cp} would give it
 * and is copied through every arc, or, when no S3 key can name it, is skipped; the lot's other files are copied.
 */
class FileNamesRunTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final List<String> NAMES = List.of("back\\slash.csv", "café.csv", "space name.csv",
            "percent%41.csv", "plus+sign.csv", "question?.csv", "hash#tag.csv", "日本語.csv", "quote'\"<>.csv",
            "tab\there.csv", "a.csv");

    @TempDir
    Path root;

    @Test
    void everyLegalName_isCopiedUnderTheSameKey_andAnInvalidUtf8Name_isSkipped() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 2);
        for (String name : NAMES) {
            placement.land(BUCKET, "ingress/2023/" + name, name, LocalPlacement.within(lot));
        }
        Path invalid = invalidUtf8Name(placement.file(BUCKET, "ingress/2023/a.csv").getParent());
        Files.setLastModifiedTime(invalid, FileTime.from(LocalPlacement.within(lot)));

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        for (String sink : List.of("copy-a", "copy-b", "copy-c")) {
            for (String name : NAMES) {
                assertThat(placement.exists(BUCKET, sink + "/2023/" + name)).as(sink + "/" + name).isTrue();
                assertThat(placement.read(BUCKET, sink + "/2023/" + name)).isEqualTo(name);
            }
            try (var files = Files.list(placement.file(BUCKET, sink + "/2023"))) {
                assertThat(files.count()).as(sink).isEqualTo(NAMES.size());
            }
        }
    }

    @Test
    void underLcAllC_aNonAsciiName_isSkipped_andTheLotsOtherFilesAreCopied() throws Exception {
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 2);
        placement.land(BUCKET, "ingress/2023/a.csv", "a", LocalPlacement.within(lot));
        placement.land(BUCKET, "ingress/2023/café.csv", "c", LocalPlacement.within(lot));

        // a JVM started without bin/cls under the C locale decodes file names as ASCII
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CLocaleRun.class.getName(), root.toString())
                .redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().remove("LANG");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        assertThat(output).contains("encoding=ANSI_X3.4-1968").contains("failed=0 ")
                .contains("skipped").contains(".csv: its name is not valid ANSI_X3.4-1968");
        assertThat(placement.read(BUCKET, "copy-c/2023/a.csv")).isEqualTo("a");
    }

    /** A file whose name is the bytes {@code bad-\xff.csv}: legal on Linux, not UTF-8, so no S3 key. */
    static Path invalidUtf8Name(Path dir) throws Exception {
        byte[] name = "bad-\u00ff.csv".getBytes(StandardCharsets.ISO_8859_1);
        // java.nio cannot make such a name; the shell gets the raw bytes from printf
        Process touch = new ProcessBuilder("sh", "-c", "printf 'x' > \"$(printf 'bad-\\377.csv')\"")
                .directory(dir.toFile()).inheritIO().start();
        assertThat(touch.waitFor()).isZero();
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().startsWith("bad-")).findFirst().orElseThrow();
        }
    }
}
