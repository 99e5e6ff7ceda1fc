package io.clusterless.substrate.aws.cdk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CdkLocatorTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();

    /** A stand-in that only answers --version: these tests are about choosing a CLI, not about running one. */
    private Path versionScript(String name, String version) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name));
        Path cdk = bin.resolve("cdk");
        Files.writeString(cdk, "#!/bin/sh\necho '" + version + " (build 0000000)'\n");
        Files.setPosixFilePermissions(cdk, PosixFilePermissions.fromString("rwxr-xr-x"));
        return cdk;
    }

    @Test
    void option_missingFile_saysWhatToGive() {
        CdkLocator locator = new CdkLocator(dir.resolve("cache"), "", messages::add);

        assertThatThrownBy(() -> locator.locate(Optional.of(dir.resolve("nope/cdk"))))
                .isInstanceOf(CdkException.class)
                .hasMessageContaining("no executable file there");
    }

    @Test
    void option_tooOld_isRefusedWithTheVersionNeeded() throws IOException {
        Path old = versionScript("old", "2.100.0");
        CdkLocator locator = new CdkLocator(dir.resolve("cache"), "", messages::add);

        assertThatThrownBy(() -> locator.locate(Optional.of(old)))
                .hasMessageContaining("is the AWS CDK CLI 2.100.0; clusterless needs 2.x at least 2.1148.1");
    }

    @Test
    void path_compatibleCdk_isUsed_incompatibleOnesAreSkippedWithANote() throws IOException {
        Path latestTag = versionScript("a", "3.0.0");
        Path good = versionScript("b", "2.1149.0");
        String path = latestTag.getParent() + java.io.File.pathSeparator + good.getParent();
        CdkLocator locator = new CdkLocator(dir.resolve("cache"), path, messages::add);

        CdkLocator.Found found = locator.locate(Optional.empty());

        assertThat(found.executable()).isEqualTo(good);
        assertThat(found.source()).isEqualTo(CdkLocator.Source.PATH);
        assertThat(messages).singleElement().asString().contains("skipping " + latestTag, "3.0.0");
    }

    @Test
    void cacheRoot_followsClsCacheDirThenXdg() {
        Path home = Path.of("/home/u");
        assertThat(CdkLocator.defaultCacheRoot(Map.of("CLS_CACHE_DIR", "/c"), home)).isEqualTo(Path.of("/c"));
        assertThat(CdkLocator.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "/x"), home))
                .isEqualTo(Path.of("/x/clusterless"));
        assertThat(CdkLocator.defaultCacheRoot(Map.of(), home)).isEqualTo(Path.of("/home/u/.cache/clusterless"));
    }

    @Test
    void nothingOnPath_installsThePinnedCliWithNpm_thenReusesIt() throws Exception {
        String npmOnly = System.getenv("PATH"); // npm and node from the machine; no cdk expected there
        Path cache = dir.resolve("cache");
        CdkLocator locator = new CdkLocator(cache, withoutCdk(npmOnly), messages::add);

        CdkLocator.Found installed = locator.locate(Optional.empty());
        CdkLocator.Found again = locator.locate(Optional.empty());

        assertThat(installed.source()).isEqualTo(CdkLocator.Source.INSTALLED);
        assertThat(installed.executable()).startsWith(cache.resolve("cdk/2.1148.1"));
        Process version = new ProcessBuilder(installed.executable().toString(), "--version")
                .redirectErrorStream(true).start();
        String printed = new String(version.getInputStream().readAllBytes());
        assertThat(version.waitFor()).isZero();
        assertThat(CdkVersion.parse(printed)).contains(CdkVersion.PINNED);
        assertThat(again.source()).isEqualTo(CdkLocator.Source.CACHE);
        assertThat(messages).anyMatch(m -> m.startsWith("installing the AWS CDK CLI 2.1148.1"));
        try (var leftovers = Files.list(cache.resolve("cdk"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("2.1148.1");
        }
    }

    /** The PATH without any directory holding a cdk, so the test exercises the install. */
    private static String withoutCdk(String path) {
        List<String> kept = new ArrayList<>();
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!Files.exists(Path.of(entry, "cdk"))) {
                kept.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, kept);
    }
}
