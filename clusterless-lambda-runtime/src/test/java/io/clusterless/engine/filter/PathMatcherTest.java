package io.clusterless.engine.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ant-style globs: what each wildcard spans, and where it stops. */
class PathMatcherTest {
    private final PathMatcher ant = PathMatcher.slashes();

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
            "data.json,           data.json",
            "?ata.json,           data.json",
            "*.json,              data.json",
            "*,                   data.json",
            "d*a*.js*,            data.json",
            "a/*/c.json,          a/b/c.json",
            "**,                  a/b/c.json",
            "**/c.json,           a/b/c.json",
            "**/c.json,           c.json",
            "a/**,                a/b/c.json",
            "a/**,                a",
            "a/**/c.json,         a/c.json",
            "a/**/c.json,         a/x/y/z/c.json",
            "**/_*,               a/b/_SUCCESS",
            "**/_*,               _SUCCESS",
            "**/b/**,             a/b/c/d",
            "a/,                  a/b/c",
            "/a/**,               /a/b",
            "/**/_*,              /ingress/x/_SUCCESS",
            "a//b,                a/b",
            "a/**/**/b,           a/b",
            "é?,                  éé",
    })
    void matches(String pattern, String path) {
        assertThat(ant.matches(pattern, path)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource({
            "data.json,           data.jsonx",
            "?ata.json,           ata.json",
            "*.json,              a/data.json",
            "*,                   a/b",
            "a/*/c.json,          a/b/x/c.json",
            "a/*/c.json,          a/c.json",
            "**/_*,               a/b/data.json",
            "**/_*,               a/_b/data.json",
            "a/**/c.json,         a/b/c.jsonx",
            "/a/**,               a/b",
            "a/**,                /a/b",
            "Data.json,           data.json",
            "**/c.json,           a/b/c.json/d",
    })
    void doesNotMatch(String pattern, String path) {
        assertThat(ant.matches(pattern, path)).isFalse();
    }

    @Test
    void ignoreCase_foldsLettersOnly() {
        PathMatcher folding = new PathMatcher("/", true);

        assertThat(folding.matches("**/*.JSON", "A/b/data.json")).isTrue();
        assertThat(folding.matches("A/?/c", "a/B/C")).isTrue();
        assertThat(folding.matches("a/b", "a/c")).isFalse();
    }

    @Test
    void separator_isConfigurable() {
        PathMatcher dots = new PathMatcher(".", false);

        assertThat(dots.matches("a.*.c", "a.b.c")).isTrue();
        assertThat(dots.matches("a.**", "a.b.c.d")).isTrue();
        assertThat(dots.matches("a.*", "a.b.c")).isFalse();
        // '/' is an ordinary character once the separator is something else
        assertThat(dots.matches("*", "a/b")).isTrue();
    }

    @Test
    void multiCharacterSeparator_splitsOnTheWholeSeparator() {
        PathMatcher arrows = new PathMatcher("::", false);

        assertThat(arrows.matches("a::*::c", "a::b:x::c")).isTrue();
        assertThat(arrows.matches("**::c", "a::b::c")).isTrue();
    }

    @Test
    void emptySeparator_isRefused() {
        assertThatThrownBy(() -> new PathMatcher("", false)).hasMessageContaining("separator");
    }

    @Test
    void manyStars_doNotBlowUp() {
        // Guards against exponential backtracking on hostile patterns.
        String pattern = "*a".repeat(30) + "b";
        String path = "a".repeat(200);
        assertThat(ant.matches(pattern, path)).isFalse();
        assertThat(ant.matches("**/".repeat(50) + "x", "a/".repeat(200) + "y")).isFalse();
    }
}
