package io.clusterless.engine.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clusterless.json.Json;
import io.clusterless.model.PathFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A project's PathFilter applied to the objects under a dataset prefix (reference §1.9). */
class PathFilterMatcherTest {
    @Test
    void excludeUnderscoreFiles_dropsMarkersAtAnyDepth_keepsData() {
        PathFilterMatcher matcher = PathFilterMatcher.of(filter("{\"excludes\": [\"**/_*\"]}"), "ingress/");

        assertThat(matcher.keeps("ingress/a/b/_SUCCESS")).isFalse();
        assertThat(matcher.keeps("ingress/_SUCCESS")).isFalse();
        assertThat(matcher.keeps("ingress/_metadata")).isFalse();
        assertThat(matcher.keeps("ingress/a/b/data.json")).isTrue();
    }

    @Test
    void relativePath_isExactlyTheKeyBelowThePrefix() {
        // The original computed it against the key without its leading '/', one character off (§5.1 quirk):
        // "ingress/a/x.json" would become "/x.json" or "a/x.json" shifted. The cut is the prefix length.
        PathFilterMatcher matcher = PathFilterMatcher.of(null, "ingress/");

        assertThat(matcher.relativePath("ingress/a/x.json")).isEqualTo("a/x.json");
        assertThat(matcher.relativePath("ingress/x.json")).isEqualTo("x.json");
        assertThat(matcher.relativePath("ingress//x.json")).isEqualTo("x.json");
        assertThat(matcher.absolutePath("ingress/a/x.json")).isEqualTo("/ingress/a/x.json");
    }

    @Test
    void relativePattern_anchorsAtThePrefix_notAtTheBucketRoot() {
        PathFilterMatcher matcher = PathFilterMatcher.of(filter("{\"includes\": [\"a/*.json\"]}"), "ingress/");

        assertThat(matcher.keeps("ingress/a/x.json")).isTrue();
        // an off-by-one relative path ("/x.json", "ngress/a/…") would match neither way
        assertThat(matcher.keeps("ingress/b/a/x.json")).isFalse();
        assertThat(matcher.keeps("ingress/a/b/x.json")).isFalse();
    }

    @Test
    void absolutePattern_matchesTheKeyWithALeadingSeparator() {
        PathFilterMatcher matcher = PathFilterMatcher.of(filter("{\"includes\": [\"/ingress/2023/**\"]}"), "ingress/");

        assertThat(matcher.keeps("ingress/2023/01/x.json")).isTrue();
        assertThat(matcher.keeps("ingress/2024/01/x.json")).isFalse();
    }

    @Test
    void prefixWithoutTrailingSlash_namesAFolder() {
        PathFilterMatcher matcher = PathFilterMatcher.of(null, "ingress");

        assertThat(matcher.prefix()).isEqualTo("ingress/");
        assertThat(matcher.contains("ingress/x")).isTrue();
        assertThat(matcher.contains("ingress-old/x")).isFalse();
        assertThat(matcher.contains("ingress/")).isFalse();
        assertThatThrownBy(() -> matcher.keeps("other/x")).hasMessageContaining("not under the dataset prefix");
    }

    @Test
    void wholeBucket_relativePathIsTheKey() {
        PathFilterMatcher matcher = PathFilterMatcher.of(filter("{\"includes\": [\"*.csv\"]}"), "");

        assertThat(matcher.keeps("x.csv")).isTrue();
        assertThat(matcher.keeps("a/x.csv")).isFalse();
    }

    @Test
    void keptIff_noIncludesOrAnyIncludeMatches_andNoExcludeMatches() {
        PathFilterMatcher matcher = PathFilterMatcher.of(
                filter("{\"includes\": [\"**/*.json\", \"**/*.csv\"], \"excludes\": [\"tmp/**\"]}"), "p/");

        assertThat(matcher.keeps("p/a/x.json")).isTrue();
        assertThat(matcher.keeps("p/x.csv")).isTrue();
        assertThat(matcher.keeps("p/x.txt")).as("no include matches").isFalse();
        assertThat(matcher.keeps("p/tmp/x.json")).as("an exclude matches").isFalse();
    }

    @Test
    void blankPatterns_areIgnored() {
        PathFilterMatcher matcher = PathFilterMatcher.of(filter("{\"includes\": [\"\", \"  \"], \"excludes\": [\"\"]}"), "p/");

        assertThat(matcher.keepsAll()).isTrue();
        assertThat(matcher.keeps("p/anything/at/all")).isTrue();
    }

    @Test
    void noFilter_keepsEverything() {
        assertThat(PathFilterMatcher.of(null, "p/").keeps("p/_SUCCESS")).isTrue();
        assertThat(PathFilterMatcher.of(new PathFilter(), "p/").keeps("p/_SUCCESS")).isTrue();
    }

    @Test
    void ignoreCaseAndSeparator_comeFromTheFilter() {
        PathFilterMatcher matcher = PathFilterMatcher.of(
                filter("{\"includes\": [\"**/*.JSON\"], \"ignoreCase\": true}"), "p/");

        assertThat(matcher.keeps("p/a/x.json")).isTrue();
        assertThat(PathFilterMatcher.of(filter("{\"includes\": [\"**/*.JSON\"]}"), "p/").keeps("p/a/x.json")).isFalse();
    }

    static PathFilter filter(String json) {
        try {
            return Json.model().readValue(json, PathFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
