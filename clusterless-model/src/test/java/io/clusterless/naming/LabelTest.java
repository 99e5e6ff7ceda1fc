package io.clusterless.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "S3Simple, s3-simple",
            "copyA, copy-a",
            "IngressPutListener, ingress-put-listener",
            "simpleComputeEnvironment, simple-compute-environment",
            "s3-access-logs, s3-access-logs",
            "ABCDef, abc-def",
            "arcState, arc-state",
            "s3Bucket, s3-bucket",
            "snake_case_name, snake-case-name",
            "mixed_caseName-parts, mixed-case-name-parts",
            "ALLCAPS, allcaps",
            "lower, lower",
            "Upper, upper",
            "abc123def, abc123def",
            "v2Arc, v2-arc",
            "copy--a, copy-a",
            "_leading_, leading",
    })
    void ofSplitsAPartIntoLowerCaseWordsJoinedByHyphens(String part, String expected) {
        assertThat(Label.of(part).hyphenated()).isEqualTo(expected);
    }

    @Test
    void digitsStayAttachedToThePrecedingLetters() {
        assertThat(Label.words("S3Simple")).containsExactly("s3", "simple");
        assertThat(Label.words("ec2Instance")).containsExactly("ec2", "instance");
    }

    @Test
    void anAcronymRunKeepsItsLastCapitalForTheNextWord() {
        assertThat(Label.words("ABCDef")).containsExactly("abc", "def");
        assertThat(Label.words("myHTTPServer")).containsExactly("my", "http", "server");
    }

    @Test
    void fixedPartsAreInsertedVerbatim() {
        Label label = Label.fixed("DEV").with("S3Simple").withFixed("20230101-00").withFixed("us-west-2");

        assertThat(label.hyphenated()).isEqualTo("DEV-s3-simple-20230101-00-us-west-2");
    }

    @Test
    void nullAndBlankPartsAreDroppedWithTheirSeparator() {
        Label label = Label.fixed(null).with("a").with((String) null).with("  ").withFixed("").with("b");

        assertThat(label.hyphenated()).isEqualTo("a-b");
        assertThat(label.parts()).containsExactly("a", "b");
    }

    @Test
    void anEmptyLabelRendersAsEmptyText() {
        assertThat(Label.of((String) null).isEmpty()).isTrue();
        assertThat(Label.empty().hyphenated()).isEmpty();
    }

    @Test
    void joinedSeparatesPartsButKeepsWordsWithinAPartHyphenated() {
        Label label = Label.of("ref", "aws").with("s3Bucket").withFixed("20230101-00");

        assertThat(label.joined(":")).isEqualTo("ref:aws:s3-bucket:20230101-00");
    }

    @Test
    void ofWithSeveralPartsEqualsChainedWith() {
        assertThat(Label.of("resource", "activity", "boundary"))
                .isEqualTo(Label.of("resource").with("activity").with("boundary"));
        assertThat(Label.of("a").with(Label.fixed("B"))).hasToString("a-B");
    }

    @Test
    void labelsAreImmutable() {
        Label base = Label.of("base");
        base.with("more");

        assertThat(base.hyphenated()).isEqualTo("base");
    }
}
