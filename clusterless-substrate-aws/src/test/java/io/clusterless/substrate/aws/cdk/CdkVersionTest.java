package io.clusterless.substrate.aws.cdk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CdkVersionTest {
    @Test
    void parse_readsWhatCdkVersionPrints() {
        assertThat(CdkVersion.parse("2.1148.1 (build 3d3f5f1)")).contains(new CdkVersion(2, 1148, 1));
        assertThat(CdkVersion.parse("command not found")).isEmpty();
    }

    @Test
    void compatible_means2xAtLeastThePinnedVersion_notJustNewer() {
        assertThat(CdkVersion.PINNED.isCompatible()).isTrue();
        assertThat(new CdkVersion(2, 1150, 0).isCompatible()).isTrue();
        assertThat(new CdkVersion(2, 1100, 0).isCompatible()).isFalse();
        assertThat(new CdkVersion(2, 111, 0).isCompatible()).isFalse();
        // the npm "latest" tag's old 3.0.0 build rejects current assemblies
        assertThat(new CdkVersion(3, 0, 0).isCompatible()).isFalse();
    }
}
