package io.clusterless.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/cls starts the JVM under a UTF-8 locale whatever the caller's, so Java decodes file names as UTF-8 (JDK 17
 * takes sun.jnu.encoding from the locale only). Run against a stand-in {@code java} that reports what it got.
 */
class LauncherLocaleTest {
    @TempDir
    Path checkout;

    @Test
    void underLcAllC_theJvmGetsAUtf8Locale() throws Exception {
        assertThat(launch("C")).contains("charmap=UTF-8").contains("-Dfile.encoding=UTF-8");
    }

    @Test
    void underAUtf8Locale_itIsKept() throws Exception {
        assertThat(launch("C.UTF-8")).contains("LC_ALL=C.UTF-8").contains("charmap=UTF-8");
    }

    private String launch(String lcAll) throws Exception {
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Files.copy(Path.of("..", "bin", "cls"), bin.resolve("cls"));
        Path target = Files.createDirectories(checkout.resolve("clusterless-cli/target"));
        Files.createFile(target.resolve("clusterless-cli.jar"));
        Path java = Files.createDirectories(checkout.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\necho \"LC_ALL=$LC_ALL charmap=$(locale charmap) args=$*\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", bin.resolve("cls").toString(), "version")
                .redirectErrorStream(true);
        builder.environment().put("LC_ALL", lcAll);
        builder.environment().put("JAVA_HOME", checkout.resolve("jdk").toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes());
    }
}
