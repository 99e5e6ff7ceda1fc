package io.clusterless.naming;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTest {
    /**
     * The original's rule, name by name: each capital starts a word (acronyms and all), a part with '-' (else '_') is
     * cut there and each piece lower-cased after its first letter, and digits never start a word.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "S3Simple, s3-simple",
            "copyA, copy-a",
            "IngressPutListener, ingress-put-listener",
            "simpleComputeEnvironment, simple-compute-environment",
            "s3-access-logs, s3-access-logs",
            "arcState, arc-state",
            "s3Bucket, s3-bucket",
            "ec2Instance, ec2-instance",
            "lower, lower",
            "Upper, upper",
            "abc123def, abc123def",
            "v2Arc, v2-arc",
            "a1B, a1-b",
            "3dModel, 3d-model",
            // acronyms: every capital is a word of its own
            "HTTPLogs, h-t-t-p-logs",
            "copyABC, copy-a-b-c",
            "ABCDef, a-b-c-def",
            "myHTTPServer, my-h-t-t-p-server",
            "ALLCAPS, a-l-l-c-a-p-s",
            // hyphens: each piece is one word, lower-cased after its first letter
            "copy-toParquet, copy-toparquet",
            "Copy-A-B, copy-a-b",
            "copy--a, copy-a",
            "copy-2, copy2",
            "clusterless-simple-test-123456789012-us-east-2, clusterless-simple-test123456789012-us-east2",
            // underscores, only where no hyphen is
            "snake_case_name, snake-case-name",
            "copy_A, copy-a",
            "_leading_, leading",
            "my_TABLE, my-table",
            "mixed_caseName-parts, mixed_casename-parts",
    })
    void ofSplitsAPartIntoWordsAsTheOriginalDoes(String part, String expected) {
        assertThat(Label.of(part).hyphenated()).isEqualTo(expected);
    }

    @Test
    void digitsStayAttachedToThePrecedingLetters() {
        assertThat(Label.words("S3Simple")).containsExactly("s3", "simple");
        assertThat(Label.words("ec2Instance")).containsExactly("ec2", "instance");
    }

    @Test
    void eachCapitalOfAnAcronymIsAWord() {
        assertThat(Label.words("HTTPLogs")).containsExactly("h", "t", "t", "p", "logs");
    }

    @Test
    void upperCamelIsTheOriginalsCamelCaseOfAPart() {
        assertThat(Label.upperCamel("clusterless-simple-test-123456789012-us-east-2"))
                .isEqualTo("ClusterlessSimpleTest123456789012UsEast2");
        assertThat(Label.upperCamel("copyABC")).isEqualTo("CopyABC");
        assertThat(Label.upperCamel("my_db")).isEqualTo("MyDb");
    }

    @Test
    void onlyAsciiLettersChangeCase() {
        assertThat(Label.of("Ünïcode-Ärc").hyphenated()).isEqualTo("ÜnïcodeÄrc");
        assertThat(Label.of("dataÉté").hyphenated()).isEqualTo("dataÉté");
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
