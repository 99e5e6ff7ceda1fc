package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The listing reports' tables fit the terminal's width, and --wide shows every column (issue 14.2). */
class TableWidthTest {
    private static final String INGRESS = "s3://dev-cls-copy-chain-123456789012-us-west-2/ingress/";

    @TempDir
    Path root;

    @BeforeEach
    void runTheCopyChain() {
        Cls.Result run = Cls.run("local", "run", "-p", project(), "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("copy-chain/data") + "=" + INGRESS);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void statusTables_fitEightyColumns_sayWhatTheyLeftOut_andWideShowsAll() {
        for (String report : List.of("arcs", "datasets")) {
            String aRow = report.equals("arcs") ? "copyA" : "chain-a";
            String narrow = cls(Map.of("COLUMNS", "80"), report, "status");
            assertThat(narrow.lines()).as(narrow).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
            // the names that tell the rows apart stay, and the counts; the placement (its filters say it) goes first
            assertThat(narrow.lines().limit(2).toList().toString()).contains("complete").doesNotContain("placement");
            assertThat(narrow).contains(aRow).contains("left out to fit 80 characters: placement.")
                    .contains("--wide shows every column");

            String wide = cls(Map.of("COLUMNS", "80"), report, "status", "--wide");
            assertThat(wide).doesNotContain("left out");
            assertThat(wide.lines().mapToInt(String::length).max().orElse(0)).as(wide).isGreaterThan(80);
            // not a terminal and no COLUMNS (a pipe, a log): every column
            assertThat(cls(Map.of(), report, "status")).isEqualTo(wide);
        }
    }

    @Test
    void aWidthTooNarrowForTheKeys_keepsTheKeysAnyway() {
        String narrow = cls(Map.of("COLUMNS", "10"), "arcs", "status");

        assertThat(narrow).contains("copyA", "copyB", "copyC", "CopyChain", "20230101-00");
    }

    private String project() {
        return Examples.file("copy-chain/project.json").toString();
    }

    /** Runs cls with {@code environment} over ours, with no terminal, and returns its standard output. */
    private String cls(Map<String, String> environment, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-p", project(), "-P", "local", "--local-root", root.toString(), "--earliest", "3h"));
        Map<String, String> merged = new HashMap<>(System.getenv());
        merged.remove("COLUMNS");
        merged.putAll(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                java.io.InputStream.nullInputStream()).environment(merged).terminal(false);
        int exit = Main.run(context, all.toArray(String[]::new));
        assertThat(exit).as(out + "\n" + err).isZero();
        return out.toString();
    }
}
