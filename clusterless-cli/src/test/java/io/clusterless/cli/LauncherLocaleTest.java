package io.clusterless.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /**
     * The common path runs bash builtins only: every command bin/cls used to fork (and any other) is a stand-in that
     * logs its name, on a PATH of nothing else.
     */
    @Test
    void underAUtf8Locale_noCommandIsStartedBeforeJava() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/usr/lib/locale/C.utf8/LC_CTYPE")), "C.UTF-8 as a folder");
        Path trap = Files.createDirectories(checkout.resolve("trap"));
        Path log = checkout.resolve("forks.log");
        for (String command : List.of("dirname", "uname", "locale", "date", "readlink", "grep", "setsid", "pwd")) {
            executable(trap.resolve(command), "#!/bin/bash\necho " + command + " >> '" + log + "'\n");
        }
        String output = launch(Map.of("LC_ALL", "C.UTF-8", "PATH", trap.toString(), "OLDPWD", "/usr"),
                "#!/bin/bash\necho \"LC_ALL=$LC_ALL launch=$CLS_LAUNCH_MILLIS oldpwd=$OLDPWD pwd=$PWD\"\n");
        assertThat(log).doesNotExist();
        long launch = Long.parseLong(output.replaceAll("(?s).*launch=(\\d+).*", "$1"));
        assertThat(launch).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis());
        assertThat(output).contains("LC_ALL=C.UTF-8").contains("oldpwd=/usr")
                .contains("pwd=" + checkout.toRealPath());
    }

    /**
     * jsii's node starts without NODE_EXTRA_CA_CERTS (reading the bundle costs every start; the kernel opens no TLS
     * connection), while Java, and so every other process cls starts, keeps it.
     */
    @Test
    void jsiisNode_startsWithoutExtraCaCerts_javaKeepsThem() throws Exception {
        String script = "#!/bin/bash\necho \"node=$JSII_NODE\"\necho \"certs=$NODE_EXTRA_CA_CERTS\"\n";
        String with = launch(Map.of("NODE_EXTRA_CA_CERTS", "/etc/certs.pem"), script);
        assertThat(with).containsPattern("node=exec (setsid )?env -u NODE_EXTRA_CA_CERTS node --preserve-symlinks ")
                .contains("certs=/etc/certs.pem");
        Files.delete(checkout.resolve("bin/cls"));
        Files.delete(checkout.resolve("clusterless-cli/target/clusterless-cli.jar"));
        String without = launch(Map.of(), script);
        assertThat(without).containsPattern("node=exec (setsid )?node --preserve-symlinks ").doesNotContain("env -u");
    }

    private String launch(String lcAll) throws Exception {
        return launch(Map.of("LC_ALL", lcAll),
                "#!/usr/bin/env bash\necho \"LC_ALL=$LC_ALL charmap=$(locale charmap) args=$*\"\n");
    }

    private static void executable(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String launch(Map<String, String> environment, String javaScript) throws Exception {
        Path bin = Files.createDirectories(checkout.resolve("bin"));
        Files.copy(Path.of("..", "bin", "cls"), bin.resolve("cls"));
        Path target = Files.createDirectories(checkout.resolve("clusterless-cli/target"));
        Files.createFile(target.resolve("clusterless-cli.jar"));
        Path java = Files.createDirectories(checkout.resolve("jdk/bin")).resolve("java");
        executable(java, javaScript);
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", bin.resolve("cls").toString(), "version")
                .directory(checkout.toFile()).redirectErrorStream(true);
        builder.environment().remove("NODE_EXTRA_CA_CERTS");
        builder.environment().remove("JSII_NODE");
        builder.environment().putAll(environment);
        builder.environment().put("JAVA_HOME", checkout.resolve("jdk").toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes());
    }
}
