package io.clusterless.cli.command;

import io.clusterless.model.load.ProjectSource;
import io.clusterless.substrate.aws.synth.CacheHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
}
