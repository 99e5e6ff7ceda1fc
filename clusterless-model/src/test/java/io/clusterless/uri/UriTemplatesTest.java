package io.clusterless.uri;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UriTemplatesTest {
    private static final String MANIFEST = "s3://b/datasets/name=d/version=1/lot={lot}/state={state}{/attempt*}/manifest.json";

    @Test
    void simpleExpansionSubstitutesTheValue() {
        assertThat(UriTemplates.expand(MANIFEST, Map.of("lot", "20230101PT5M000", "state", "complete")))
                .isEqualTo("s3://b/datasets/name=d/version=1/lot=20230101PT5M000/state=complete/manifest.json");
    }

    @Test
    void pathSegmentExpansionIsOmittedWhenTheVariableIsUndefined() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("lot", "L");
        variables.put("state", "empty");
        variables.put("attempt", null);

        assertThat(UriTemplates.expand(MANIFEST, variables)).endsWith("/lot=L/state=empty/manifest.json");
        assertThat(UriTemplates.expand("a{/x*}", Map.of("x", List.of()))).isEqualTo("a");
        assertThat(UriTemplates.expand("a{/x*}", Map.of("x", Map.of()))).isEqualTo("a");
    }

    @Test
    void pathSegmentExpansionOfAStringAddsOneSegment() {
        assertThat(UriTemplates.expand("a{/x*}/b", Map.of("x", "17"))).isEqualTo("a/17/b");
        assertThat(UriTemplates.expand("a{/x}/b", Map.of("x", "17"))).isEqualTo("a/17/b");
    }

    @Test
    void explodedPathSegmentExpansionOfAMapWritesKeyValueSegments() {
        assertThat(UriTemplates.expand(MANIFEST, Map.of("lot", "L", "state", "partial", "attempt", Map.of("attempt", "17"))))
                .endsWith("/lot=L/state=partial/attempt=17/manifest.json");
    }

    @Test
    void explodedPathSegmentExpansionOfAListWritesOneSegmentPerItem() {
        assertThat(UriTemplates.expand("a{/x*}", Map.of("x", List.of("b", "c")))).isEqualTo("a/b/c");
        assertThat(UriTemplates.expand("a{/x}", Map.of("x", List.of("b", "c")))).isEqualTo("a/b,c");
    }

    @Test
    void undefinedSimpleVariablesExpandToNothingAsTheRfcRequires() {
        assertThat(UriTemplates.expand("lot={lot}/x", Map.of())).isEqualTo("lot=/x");
    }

    @Test
    void reservedCharactersInValuesArePercentEncoded() {
        assertThat(UriTemplates.expand("{x}", Map.of("x", "a/b c=é"))).isEqualTo("a%2Fb%20c%3D%C3%A9");
        assertThat(UriTemplates.expand("{x}", Map.of("x", "Az09-._~"))).isEqualTo("Az09-._~");
    }

    @Test
    void textWithoutExpressionsIsUnchanged() {
        assertThat(UriTemplates.expand("s3://b/k", Map.of("x", "y"))).isEqualTo("s3://b/k");
    }

    @Test
    void unsupportedExpressionsAreRejected() {
        assertThatThrownBy(() -> UriTemplates.expand("a{+x}", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported expression {+x} in URI template: a{+x}; only {var}, {/var} and {/var*} are supported");
        assertThatThrownBy(() -> UriTemplates.expand("a{?x,y}", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UriTemplates.expand("a{x*}", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UriTemplates.expand("a{x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unclosed expression at position 1 in URI template: a{x");
    }

    @Test
    void valuesOfOtherTypesAreRejected() {
        assertThatThrownBy(() -> UriTemplates.expand("{x}", Map.of("x", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("URI template variable x must be a string, list or map, found: java.lang.Integer");
    }
}
