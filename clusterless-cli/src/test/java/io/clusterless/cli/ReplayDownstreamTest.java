package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code cls exec --replay --downstream} on examples/orders-join (ADR-0012): replaying a joined lot re-runs the
 * hourly roll-up lot that consumed it only when asked; without {@code --downstream} the roll-up lot stays as it ran.
 */
class ReplayDownstreamTest {
    private static final String BUCKET = "s3://dev-cls-orders-join-123456789012-us-west-2/";
    private static final String HOURLY = "buckets/dev-cls-orders-join-123456789012-us-west-2/hourly/lot=20230101PT1H000/"
            + "customers.csv";

    @TempDir
    Path root;

    @TempDir
    Path late;

    @Test
    void aReplayReopensTheRollUpLotThatConsumedIt_onlyWithDownstream() throws Exception {
        assumeTrue(io.clusterless.local.workload.function.FunctionLaunchers.onPath("python3", System.getenv("PATH"))
                .isPresent(), "python3 is not on the PATH");
        String project = Examples.file("orders-join/project.json").toString();
        assertThat(run("local", "run", "-p", project, "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("orders-join/data/orders") + "=" + BUCKET + "landing/orders/",
                "--put", Examples.file("orders-join/data/payments") + "=" + BUCKET + "landing/payments/")
                .exitCode()).isZero();
        assertThat(root.resolve(HOURLY)).content().doesNotContain("frank");

        // the payment of lot 003 comes after the hour ran late: the join runs the lot, the complete hour does not
        Files.writeString(late.resolve("payments-20230101T0015Z.csv"), "order_id,amount\n1006,15.00\n");
        assertThat(run("local", "run", "-p", project, "--local-root", root.toString(), "--until-idle",
                "--put", late + "=" + BUCKET + "landing/payments/").exitCode()).isZero();
        assertThat(root.resolve(HOURLY)).content().doesNotContain("frank");

        Cls.Result plain = exec(project, "--replay");
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(Json.records().readTree(plain.out())).extracting(row -> row.path("arc").asText())
                .containsExactly("join");
        assertThat(root.resolve(HOURLY)).content().as("never silently").doesNotContain("frank");

        Cls.Result downstream = exec(project, "--replay", "--downstream");

        assertThat(downstream.exitCode()).as(downstream.toString()).isZero();
        JsonNode rows = Json.records().readTree(downstream.out());
        assertThat(rows).extracting(row -> row.path("arc").asText() + " " + row.path("lot").asText() + " "
                + row.path("outcome").asText()).containsExactly("join 20230101PT5M001 complete",
                "hourly 20230101PT1H000 complete");
        assertThat(root.resolve(HOURLY)).content().contains("frank,15.00,15.00");
        JsonNode gap = Json.records().readTree(run("--output", "json", "gaps", "-p", project, "--arc", "hourly",
                "-P", "local", "--local-root", root.toString(), "--earliest", "20230101PT1H000", "--latest",
                "20230101PT1H001").out());
        assertThat(gap).singleElement().satisfies(one -> assertThat(one.path("late")).as("lots 000, 004 to 011")
                .hasSize(9));

        Cls.Result refused = run("exec", "-p", project, "--arc", "join", "--downstream", "-P", "local",
                "--local-root", root.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("--downstream reopens the roll-up lots that consumed replayed lots; add "
                + "--replay");
    }

    private Cls.Result exec(String project, String... options) throws Exception {
        String[] args = new String[]{"--output", "json", "exec", "-p", project, "--arc", "join", "--lot",
                "20230101PT5M001", "-P", "local", "--local-root", root.toString()};
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return run(all);
    }

    private static Cls.Result run(String... args) throws Exception {
        return Cls.run(args);
    }
}
