package io.clusterless.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * examples/orders-join with the commands of its README section, black box: one {@code cls local run} joins the two
 * lots both sources hold, and gaps, arcs status and exec --dry-run name the lot that waits for its payments
 * (ADR-0011).
 */
class JoinExampleTest {
    private static final String BUCKET = "s3://dev-cls-orders-join-123456789012-us-west-2/";
    private static final String WAITING = "20230101PT5M003";
    private static final String HOUR = "20230101PT1H000";
    private static final String[] WINDOW = {"--earliest", "20230101PT5M001", "--latest", "20230101PT5M004"};

    @TempDir
    Path root;

    @Test
    void oneLocalRunJoinsTheLotsBothSourcesHold_andTheOperationsCommandsNameTheWaitingLot() throws Exception {
        assumeTrue(io.clusterless.local.workload.function.FunctionLaunchers.onPath("python3", System.getenv("PATH"))
                .isPresent(), "python3 is not on the PATH");
        String project = Examples.file("orders-join/project.json").toString();
        Cls.Result run = Cls.run("local", "run", "-p", project, "--local-root", root.toString(), "--until-idle",
                "--put", Examples.file("orders-join/data/orders") + "=" + BUCKET + "landing/orders/",
                "--put", Examples.file("orders-join/data/payments") + "=" + BUCKET + "landing/payments/");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(root.resolve("buckets/dev-cls-orders-join-123456789012-us-west-2/joined/lot=20230101PT5M001/"
                + "orders-payments.csv")).content().contains("1003,carol,40.00,20.00,partly-paid");
        assertThat(root.resolve("buckets/dev-cls-orders-join-123456789012-us-west-2/joined/lot=" + WAITING))
                .doesNotExist();

        JsonNode gaps = json("gaps", "-p", project, "--arc", "join");
        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.path("lot").asText()).isEqualTo(WAITING);
            assertThat(gap.path("cause").asText()).isEqualTo("waiting");
            assertThat(gap.path("waitingFor").toString()).isEqualTo("[\"dataset payments/20230101 lot " + WAITING
                    + "\"]");
        });
        JsonNode status = json("arcs", "status", "-p", project);
        assertThat(status.get(0).path("complete").asInt()).isEqualTo(2);
        assertThat(status.get(0).path("waiting").asInt()).isEqualTo(1);
        assertThat(json("arcs", "status", "-p", project, "--list")).extracting(row -> row.path("name").asText() + " "
                + row.path("lotId").asText() + " " + row.path("arcState").asText()).containsExactly(
                "join 20230101PT5M001 complete", "join 20230101PT5M002 complete", "join " + WAITING + " waiting",
                "hourly " + HOUR + " complete");
        assertThat(json("exec", "-p", project, "--arc", "join", "--dry-run")).singleElement()
                .satisfies(lot -> assertThat(lot.path("reason").asText()).isEqualTo("a join: waits for dataset "
                        + "payments/20230101 lot " + WAITING));

        // the hourly roll-up (ADR-0012) ran late with the two joined lots; gaps names the ten it ran without
        assertThat(root.resolve("buckets/dev-cls-orders-join-123456789012-us-west-2/hourly/lot=" + HOUR
                + "/customers.csv")).content().contains("carol,40.00,20.00");
        assertThat(json("gaps", "-p", project, "--arc", "hourly")).singleElement().satisfies(gap -> {
            assertThat(gap.path("lot").asText()).isEqualTo(HOUR);
            assertThat(gap.path("cause").asText()).isEqualTo("late");
            assertThat(gap.path("late")).hasSize(10);
            assertThat(gap.path("late").get(0).asText()).isEqualTo("dataset orders-joined/20230101 lot "
                    + "20230101PT5M000");
        });
        assertThat(json("exec", "-p", project, "--arc", "hourly", "--dry-run")).isEmpty();
    }

    private JsonNode json(String... command) throws Exception {
        String[] args = new String[command.length + WINDOW.length + 6];
        args[0] = "--output";
        args[1] = "json";
        System.arraycopy(command, 0, args, 2, command.length);
        int at = 2 + command.length;
        args[at++] = "-P";
        args[at++] = "local";
        args[at++] = "--local-root";
        args[at++] = root.toString();
        System.arraycopy(WINDOW, 0, args, at, WINDOW.length);
        Cls.Result result = Cls.run(args);
        assertThat(result.exitCode()).as(result.toString()).isIn(0, 1);
        return Json.records().readTree(result.out());
    }
}
