package io.clusterless.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged class-data-sharing archive (clusterless-cli/pom.xml) serves {@code cls validate} of a JSON, a YAML
 * and a Jsonnet project: the JVM maps it ({@code -Xshare:on} refuses to start otherwise), and picocli's classes, the
 * CLI's (its signal handling too), the model's, Jackson's and the parsers' come from it instead of being read, parsed and verified from their jars on
 * every start. Run with the JVM flags bin/cls uses, which the archive requires.
 */
class ClassDataSharingIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    /** A class read from a jar: "[info][class,load] NAME source: file:/…/x.jar". */
    private static final Pattern FROM_JAR = Pattern.compile("\\] (\\S+) source: file:\\S+\\.jar");
    @ParameterizedTest
    @ValueSource(strings = {"project.json", "project.yaml", "project.jsonnet"})
    void validate_takesPicocliTheModelJacksonAndTheParsersFromTheArchive(String file) throws Exception {
        Path project = Examples.file("simple-copy/" + file);
        Path log = Files.createTempFile(TARGET, "class-load-", ".log");
        Process process = new ProcessBuilder("java", "-Dfile.encoding=UTF-8", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:-UsePerfData", "-Xmx1g", "-Xshare:on",
                "-XX:SharedArchiveFile=" + TARGET.resolve("clusterless-cli.jsa"),
                "-Xlog:class+load=info:file=" + log,
                "-jar", TARGET.resolve("clusterless-cli.jar").toString(), "validate", "-p", project.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("valid: ");

        List<String> fromJars = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = FROM_JAR.matcher(line);
            if (matcher.find()) {
                fromJars.add(matcher.group(1));
            }
        }
        Files.delete(log);
        assertThat(fromJars).as("classes read from jars instead of the archive")
                .noneMatch(name -> name.startsWith("io.clusterless.model.") || name.startsWith("io.clusterless.json.")
                        || name.startsWith("io.clusterless.naming.") || name.startsWith("com.fasterxml.")
                        || name.startsWith("org.yaml.") || name.startsWith("sjsonnet.")
                        || name.startsWith("io.clusterless.cli."));
        // all of picocli's: Java 5 class files are archived only while unlinked, and the dump links the interfaces
        // that lambdas of its class list implement, so the command tree implements picocli's with named classes
        assertThat(fromJars).as("picocli's classes from its jar").noneMatch(name -> name.startsWith("picocli."));
    }
}
