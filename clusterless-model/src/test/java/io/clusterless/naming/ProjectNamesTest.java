package io.clusterless.naming;

import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.model.Project;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The examples of reference §3.1: project S3Simple v20230101-00, stage dev, 123456789012, us-west-2. */
class ProjectNamesTest {
    private final PlacementNames placement = new PlacementNames("dev", "123456789012", "us-west-2");
    private final ProjectNames names = new ProjectNames(placement, "S3Simple", "20230101-00");

    /** Names with acronyms and hyphens, as the original's rule makes them (issue 20). */
    @Test
    void acronymsAndHyphens_comeOutAsTheOriginalsNames() {
        ProjectNames http = new ProjectNames(placement, "HTTPLogs", "20230101-00");
        assertThat(http.lambdaFunction("copyABC", "func")).isEqualTo("DEV-h-t-t-p-logs-copy-a-b-c-func-20230101-00-us-west-2");
        assertThat(http.arcStack("copy-toParquet")).isEqualTo("DEV-h-t-t-p-logs-arc-copy-toparquet-20230101-00-us-west-2");
        assertThat(http.arcStateMachine("to_Parquet")).isEqualTo("DEV-h-t-t-p-logs-to-parquet-20230101-00");
        ProjectNames hyphenated = new ProjectNames(placement, "aws-S3-logs", "20230101-00");
        assertThat(hyphenated.groupedStack()).isEqualTo("DEV-aws-s3-logs-resource-activity-boundary-20230101-00-us-west-2");
        assertThat(hyphenated.exportRef("arn", "core", "s3Bucket", "rawHTTP"))
                .isEqualTo("ref:aws:arn:dev:aws-s3-logs:20230101-00:core:s3-bucket:raw-h-t-t-p");
    }

    @Test
    void groupedStackHoldsResourcesActivitiesAndBoundaries() {
        assertThat(names.groupedStack()).isEqualTo("DEV-s3-simple-resource-activity-boundary-20230101-00-us-west-2");
    }

    @Test
    void arcStackIsPerArcAndRegion() {
        assertThat(names.arcStack("copyA")).isEqualTo("DEV-s3-simple-arc-copy-a-20230101-00-us-west-2");
    }

    @Test
    void arcStateMachineAndListenerRuleHaveNoRegion() {
        assertThat(names.arcStateMachine("copyA")).isEqualTo("DEV-s3-simple-copy-a-20230101-00");
        assertThat(names.arcListenerRule("copyA")).isEqualTo("DEV-s3-simple-copy-a-20230101-00-rule");
    }

    @Test
    void lambdaFunctionNamesComponentAndFunctionRole() {
        assertThat(names.lambdaFunction("copyA", "start")).isEqualTo("DEV-s3-simple-copy-a-start-20230101-00-us-west-2");
        assertThat(names.lambdaFunction("copyA", "complete"))
                .isEqualTo("DEV-s3-simple-copy-a-complete-20230101-00-us-west-2");
        assertThat(names.lambdaFunction("IngressPutListener", "int"))
                .isEqualTo("DEV-s3-simple-ingress-put-listener-int-20230101-00-us-west-2");
    }

    @Test
    void lambdaFunctionReturnsOverlongNamesSoValidationCanReportThem() {
        ProjectNames longProject = new ProjectNames(placement, "AVeryLongProjectNameIndeed", "20230101-00");

        String name = longProject.lambdaFunction("copyDailyAccessLogs", "complete");

        assertThat(name).isEqualTo("DEV-a-very-long-project-name-indeed-copy-daily-access-logs-complete-20230101-00-us-west-2");
        assertThat(name.length()).isGreaterThan(ProjectNames.LAMBDA_NAME_MAX);
    }

    @Test
    void lambdaFunctionNameCanReachExactlyTheLimit() {
        // "DEV-" + project + "-x-start-20230101-00-us-west-2" = 64 characters with a 30-letter project name
        ProjectNames atLimit = new ProjectNames(placement, "a".repeat(30), "20230101-00");

        assertThat(atLimit.lambdaFunction("x", "start")).hasSize(ProjectNames.LAMBDA_NAME_MAX);
    }

    @Test
    void componentRuleIsPerBoundaryOrActivity() {
        assertThat(names.componentRule("IngressPutListener"))
                .isEqualTo("DEV-s3-simple-ingress-put-listener-20230101-00-us-west-2");
    }

    @Test
    void queueBatchAndComputeEnvironmentNamesHaveNoRegion() {
        assertThat(names.frequentQueue("IngressPutListener")).isEqualTo("DEV-s3-simple-ingress-put-listener-20230101-00");
        assertThat(names.batchJob("copyA")).isEqualTo("DEV-s3-simple-copy-a-20230101-00");
        assertThat(names.computeEnvironment("simpleComputeEnvironment"))
                .isEqualTo("DEV-s3-simple-simple-compute-environment-20230101-00");
    }

    @Test
    void deadLetterQueuesAndAlarmPrefix_areDerivedFromTheProject() {
        assertThat(names.deadLetterQueue()).isEqualTo("DEV-s3-simple-20230101-00-dlq");
        assertThat(names.arcDeadLetterQueue("copyA")).isEqualTo("DEV-s3-simple-copy-a-20230101-00-arc-dlq");
        assertThat(names.arcAlarmPrefix("copyA")).isEqualTo("DEV-s3-simple-copy-a-20230101-00/");
    }

    @Test
    void logGroupsFollowTheServiceConventions() {
        assertThat(names.batchLogGroup("copyA")).isEqualTo("/aws/batch/DEV-s3-simple-copy-a-20230101-00");
        assertThat(names.lambdaLogGroup(names.lambdaFunction("copyA", "start")))
                .isEqualTo("/aws/lambda/DEV-s3-simple-copy-a-start-20230101-00-us-west-2");
        assertThat(names.stateMachineLogGroup(names.arcStateMachine("copyA")))
                .isEqualTo("/aws/vendedlogs/states/DEV-s3-simple-copy-a-20230101-00");
    }

    @Test
    void exportRefIsScopedToTheProjectAndVersion() {
        assertThat(names.exportRef("arn", "core", "s3Bucket", "bucket"))
                .isEqualTo("ref:aws:arn:dev:s3-simple:20230101-00:core:s3-bucket:bucket");
    }

    @Test
    void withoutAStageNamesStartWithTheProject() {
        ProjectNames unstaged = new ProjectNames(new PlacementNames(null, "123456789012", "us-west-2"), "S3Simple",
                "20230101-00");

        assertThat(unstaged.arcStack("copyA")).isEqualTo("s3-simple-arc-copy-a-20230101-00-us-west-2");
        assertThat(unstaged.exportRef("arn", "core", "s3Bucket", "bucket"))
                .isEqualTo("ref:aws:arn:s3-simple:20230101-00:core:s3-bucket:bucket");
    }

    @Test
    void projectAndVersionAreRequired() {
        assertThatThrownBy(() -> new ProjectNames(placement, " ", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("project must not be blank");
        assertThatThrownBy(() -> names.arcStack(null))
                .isInstanceOf(NullPointerException.class).hasMessage("arc is required");
    }

    @Test
    void aProjectFileNamesItsProjectVersionInItsPlacement() {
        Deployable deployable = new Deployable(new Project("S3Simple", "20230101-00"),
                new Placement("aws", "dev", "123456789012", "us-west-2"), List.of(), List.of(), List.of(), List.of());

        assertThat(ProjectNames.of(deployable)).isEqualTo(names);
    }
}
