package io.clusterless.cli.command;

import io.clusterless.model.load.ProjectSource;
import io.clusterless.substrate.aws.synth.CacheHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When jsii's node starts for synth, verify, diff and deploy: before the files load when the assembly cache will
 * likely not serve them (their start overlaps), only on a miss when it likely will (no node for nothing).
 */
class EarlyJsiiTest {
    @TempDir
    Path temp;

    @Test
    void filesTheCacheDoesNotKnow_startJsiiBeforeLoading_andAreHintedOnceSynthesized() throws IOException {
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        List<ProjectSource> sources = List.of(ProjectSource.file(Files.writeString(temp.resolve("p.json"), "{}")));

        AwsSynthSupport.Jsii first = AwsSynthSupport.jsii(new AwsSynthOptions(), sources, null, hints);
        assertThat(first.started()).as("started before loading").isNotNull();
        assertThat(first.hint()).isPresent();

        hints.record(first.hint()); // what synthesize does once the assembly is made or served
        AwsSynthSupport.Jsii again = AwsSynthSupport.jsii(new AwsSynthOptions(), sources, null, hints);
        assertThat(again.started()).as("the cache will likely serve them: started only on a miss").isNull();
    }

    @Test
    void noCache_orAStartedJsii_isUsedAsIs() {
        AwsSynthOptions noCache = new AwsSynthOptions();
        noCache.noCache = true;
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        List<ProjectSource> stdin = List.of(new ProjectSource(ProjectSource.STDIN, null, null, null));

        assertThat(AwsSynthSupport.jsii(noCache, stdin, null, hints).started()).isNotNull();
        assertThat(AwsSynthSupport.jsii(new AwsSynthOptions(), stdin, null, hints).started())
                .as("stdin not read yet: no hint, so started at once").isNotNull();
    }

    @Test
    void aStartBegunByMain_stillHintsTheFiles_soTheNextRunStartsNoNodeForNothing() throws IOException {
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        List<ProjectSource> sources = List.of(ProjectSource.file(Files.writeString(temp.resolve("p.json"), "{}")));
        CompletableFuture<Void> begun = CompletableFuture.completedFuture(null);

        AwsSynthSupport.Jsii jsii = AwsSynthSupport.jsii(new AwsSynthOptions(), sources, begun, hints);

        assertThat(jsii.started()).isSameAs(begun);
        assertThat(jsii.hint()).as("recorded once synthesized").isPresent();
    }

    @Test
    void mainStartsJsii_forSynthesizingCommandsOverFilesTheCacheDoesNotKnow() throws IOException {
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        String file = Files.writeString(temp.resolve("p.json"), "{}").toString();
        String other = Files.writeString(temp.resolve("q.json"), "{}").toString();

        for (String command : List.of("synth", "verify", "diff", "deploy", "destroy")) {
            assertThat(EarlyJsii.wanted(List.of(command, "-p", file), hints)).as(command).isTrue();
        }
        assertThat(EarlyJsii.wanted(List.of("-v", "synth", file, "-o", temp.toString()), hints)).isTrue();
        assertThat(EarlyJsii.wanted(List.of("synth", "--project=" + file + "," + other), hints)).isTrue();

        hints.record(AwsSynthSupport.jsii(new AwsSynthOptions(), List.of(ProjectSource.file(Path.of(file))), null,
                hints).hint());
        assertThat(EarlyJsii.wanted(List.of("synth", "-p", file), hints))
                .as("the cache will likely serve it: the command starts jsii only on a miss").isFalse();
        assertThat(EarlyJsii.wanted(List.of("synth", "-p", file, "--no-cache"), hints)).isTrue();
        assertThat(EarlyJsii.wanted(List.of("synth", "--bootstrap", "--account", "1", "--region", "r"), hints))
                .isTrue();
    }

    @Test
    void mainLeavesJsii_toTheCommand_forEverythingElse() throws IOException {
        CacheHints hints = new CacheHints(temp.resolve("cache"));
        String file = Files.writeString(temp.resolve("p.json"), "{}").toString();

        assertThat(EarlyJsii.wanted(List.of("validate", "-p", file), hints)).isFalse();
        assertThat(EarlyJsii.wanted(List.of("local", "run", file), hints)).isFalse();
        assertThat(EarlyJsii.wanted(List.of("synth", "-p", file, "--help"), hints)).isFalse();
        assertThat(EarlyJsii.wanted(List.of("--version"), hints)).isFalse();
        assertThat(EarlyJsii.wanted(List.of("synth", "-p", "-"), hints)).as("stdin").isFalse();
        assertThat(EarlyJsii.wanted(List.of("synth", "@args.txt"), hints)).isFalse();
        assertThat(EarlyJsii.wanted(List.of("synth"), hints)).as("no project file: a usage error").isFalse();
        assertThat(EarlyJsii.wanted(List.of("synth", temp.resolve("missing.json").toString()), hints)).isFalse();
    }
}
