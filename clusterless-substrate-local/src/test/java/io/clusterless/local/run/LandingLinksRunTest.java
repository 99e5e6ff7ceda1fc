package io.clusterless.local.run;

import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A landing folder holding symbolic links: nothing outside the local root is ever copied into a bucket. */
class LandingLinksRunTest {
    private static final String BUCKET = "dev-cls-copy-chain-123456789012-us-west-2";
    private static final String MANIFESTS = "dev-clusterless-manifest-123456789012-us-west-2";

    @TempDir
    Path dir;

    @Test
    void aLinkToAFileOutsideTheRoot_isSkipped_theLotsOtherFilesAreCopied() throws Exception {
        Path root = dir.resolve("root");
        LocalPlacement placement = new LocalPlacement(root, "copy-chain/project.json");
        LotId lot = placement.lotsAgo(LotUnit.TWELFTHS, 2);
        placement.land(BUCKET, "ingress/2023/a.csv", "a", LocalPlacement.within(lot));
        Path secret = Files.writeString(dir.resolve("shadow"), "root:secret");
        Files.setLastModifiedTime(secret, Files.getLastModifiedTime(placement.file(BUCKET, "ingress/2023/a.csv")));
        Files.createSymbolicLink(placement.file(BUCKET, "ingress/2023/shadow"), secret);
        Path outsideFolder = Files.createDirectories(dir.resolve("etc"));
        Files.copy(secret, outsideFolder.resolve("passwd"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(placement.file(BUCKET, "ingress/2023/etc-dirlink"), outsideFolder);

        RunProgress progress = placement.runUntilIdle();

        assertThat(progress.failed()).isZero();
        String manifest = placement.read(MANIFESTS, "datasets/name=chain-ingress/version=20230101/lot="
                + lot.format() + "/state=complete/manifest.json");
        assertThat(manifest).contains("ingress/2023/a.csv").doesNotContain("shadow").doesNotContain("passwd");
        for (String sink : List.of("copy-a", "copy-b", "copy-c")) {
            assertThat(placement.read(BUCKET, sink + "/2023/a.csv")).isEqualTo("a");
            assertThat(placement.exists(BUCKET, sink + "/2023/shadow")).isFalse();
            assertThat(placement.exists(BUCKET, sink + "/2023/etc-dirlink/passwd")).isFalse();
        }
    }
}
