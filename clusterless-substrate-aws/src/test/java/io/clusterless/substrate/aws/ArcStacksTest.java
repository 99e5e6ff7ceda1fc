package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Arc stacks (reference §3.7): listener rule, gates, the state machine's states and transitions, workloads. */
class ArcStacksTest {
    private static final String COPY = "DEV-s3-simple-arc-copy-a-20230101-00-us-west-2";
    private static final String GLUE = "DEV-s3-simple-arc-add-partitions-20230101-00-us-west-2";
    private static final String BATCH = "DEV-s3-simple-arc-convert-20230101-00-us-west-2";
    private final Synthesized synthesized = Synthesized.allComponents();

    @Test
    void listenerRule_onTheArcBus_matchesLotsOfItsSubscribedSourcesOnly() {
        JsonNode rule = synthesized.single(COPY, "AWS::Events::Rule").path("Properties");
        assertThat(rule.path("Name").asText()).isEqualTo("DEV-s3-simple-copy-a-20230101-00-rule");
        assertThat(rule.path("State").asText()).isEqualTo("ENABLED");
        assertThat(rule.path("EventBusName").toString()).contains("ref:aws:name:dev:bootstrap:1:meta:event-bus:arc-event-bus");
        JsonNode pattern = rule.path("EventPattern");

        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("ingress/20230101"))).isTrue();
        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("ingress/20230102"))).isFalse();
        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("copied/20230101"))).isFalse();
    }

    @Test
    void listenerRule_leavesOutSourcesWithoutSubscribe() {
        JsonNode pattern = synthesized.single(GLUE, "AWS::Events::Rule").path("Properties").path("EventPattern");

        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("copied/20230101"))).isTrue();
        // "side" reads drops/20230101 with subscribe=false: its lots must not start the arc
        assertThat(EventRuler.matches(pattern, EventRuler.arcNotify("drops/20230101"))).isFalse();
    }

    @Test
    void listenerRule_targetsTheStateMachine_withTheWholeEvent() {
        JsonNode target = synthesized.single(COPY, "AWS::Events::Rule").path("Properties").path("Targets").get(0);
        assertThat(target.path("Arn").path("Ref").asText()).contains("Orchestration");
        assertThat(target.has("Input") || target.has("InputPath") || target.has("InputTransformer")).isFalse();
    }

    @Test
    void stateMachine_isStandard_loggingAll_toItsVendedLogGroup() {
        Template template = synthesized.template(COPY);
        template.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
                "StateMachineName", "DEV-s3-simple-copy-a-20230101-00",
                "StateMachineType", "STANDARD",
                "LoggingConfiguration", Match.objectLike(Map.of("Level", "ALL")))));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/vendedlogs/states/DEV-s3-simple-copy-a-20230101-00", "RetentionInDays", 30));
    }

    @Test
    void stateMachine_hasTheStatesAndTransitionsOfTheReference() {
        JsonNode definition = synthesized.stateMachineDefinition(COPY);
        JsonNode states = definition.path("States");
        List<String> names = new ArrayList<>();
        states.fieldNames().forEachRemaining(names::add);

        assertThat(definition.path("StartAt").asText()).isEqualTo("CurrentStateChoice");
        assertThat(names).containsExactlyInAnyOrder("CurrentStateChoice", "StartInvoke", "StateStart",
                "WaitingForSources", "AlreadyRunning",
                "AlreadyComplete", "UnknownStart", "S3CopyFunction", "S3CopyFunctionCatch", "CompleteInvoke",
                "StateComplete", "PartialWithError", "MissingWithError", "UnknownError", "Partial", "Missing",
                "Complete", "UnknownComplete");
        assertThat(states.path("CurrentStateChoice").path("Type").asText()).isEqualTo("Pass");
        assertThat(states.path("CurrentStateChoice").path("OutputPath").asText()).isEqualTo("$.detail");
        assertThat(states.path("CurrentStateChoice").path("Next").asText()).isEqualTo("StartInvoke");
        assertThat(states.path("StartInvoke").path("Next").asText()).isEqualTo("StateStart");
        assertThat(choices(states.path("StateStart"))).containsExactly("WaitingForSources", "AlreadyRunning",
                "AlreadyComplete", "S3CopyFunction");
        assertThat(states.path("StateStart").path("Default").asText()).isEqualTo("UnknownStart");

        JsonNode task = states.path("S3CopyFunction");
        assertThat(task.path("InputPath").asText()).isEqualTo("$.arcWorkloadContext");
        assertThat(task.path("ResultPath").asText()).isEqualTo("$.sinkManifests");
        assertThat(task.path("Next").asText()).isEqualTo("CompleteInvoke");
        JsonNode caught = task.path("Catch").get(0);
        assertThat(caught.path("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
        assertThat(caught.path("ResultPath").asText()).isEqualTo("$.workloadError");
        assertThat(caught.path("Next").asText()).isEqualTo("S3CopyFunctionCatch");
        assertThat(states.path("S3CopyFunctionCatch").path("Next").asText()).isEqualTo("CompleteInvoke");

        assertThat(states.path("CompleteInvoke").path("Next").asText()).isEqualTo("StateComplete");
        assertThat(choices(states.path("StateComplete"))).containsExactly("PartialWithError", "MissingWithError",
                "UnknownError", "Partial", "Missing", "Complete");
        assertThat(states.path("StateComplete").path("Default").asText()).isEqualTo("UnknownComplete");
        for (String succeed : List.of("WaitingForSources", "AlreadyRunning", "AlreadyComplete", "Partial", "Missing",
                "Complete")) {
            assertThat(states.path(succeed).path("Type").asText()).as(succeed).isEqualTo("Succeed");
        }
        for (String fail : List.of("UnknownStart", "PartialWithError", "MissingWithError", "UnknownError",
                "UnknownComplete")) {
            assertThat(states.path(fail).path("Type").asText()).as(fail).isEqualTo("Fail");
        }
    }

    @Test
    void stateStart_testsThePreviousAndCurrentState() {
        String stateStart = synthesized.stateMachineDefinition(COPY).path("States").path("StateStart").toString();
        assertThat(stateStart).contains("\"Variable\":\"$.previousState\",\"StringEquals\":\"running\"")
                .contains("\"Variable\":\"$.currentState\",\"StringEquals\":\"complete\"")
                .contains("\"Variable\":\"$.currentState\",\"StringEquals\":\"missing\"")
                .contains("\"Variable\":\"$.currentState\",\"StringEquals\":\"running\"");
        String stateComplete = synthesized.stateMachineDefinition(COPY).path("States").path("StateComplete").toString();
        assertThat(stateComplete).contains("\"Variable\":\"$.workloadError.Error\",\"IsPresent\":true");
    }

    @Test
    void gates_areNamedAsTheReference_withTheArcStateProps_andTheCompleteGatePutsOnTheBus() {
        Template template = synthesized.template(COPY);
        for (String fn : List.of("start", "complete")) {
            template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                    "FunctionName", "DEV-s3-simple-copy-a-" + fn + "-20230101-00-us-west-2",
                    "MemorySize", 512,
                    "Timeout", 300,
                    "Architectures", List.of("arm64"),
                    "Environment", Map.of("Variables", Map.of("CLS_ARC_STATE_PROPS_JSON", Match.stringLikeRegexp(
                            ".*\"arcStatePath\":\"s3://dev-clusterless-arc-state-123456789012-us-west-2/arcs/"
                                    + "project=S3Simple/version=20230101-00/arc=copyA/lot=\\{lot\\}/\\{state\\}.arc\".*"))))));
        }
        assertThat(policyText(COPY, "CompleteCompleteFunction")).contains(":event-bus/DEV-arc-events-us-west-2");
        assertThat(policyText(COPY, "StartStartFunction")).doesNotContain("events:PutEvents")
                .contains(":s3:::dev-clusterless-arc-state-123456789012-us-west-2/arcs/project=S3Simple/version=20230101-00/arc=copyA/*");
    }

    @Test
    void s3Copy_readsTheSourceOwnersPrefix_andWritesTheSinkPrefix() {
        synthesized.template(COPY).hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "DEV-s3-simple-copy-a-func-20230101-00-us-west-2",
                "Handler", "io.clusterless.runtime.workload.s3copy.S3CopyHandler",
                "Environment", Map.of("Variables", Map.of("CLS_ARC_PROPS_JSON", Match.anyValue())))));
        String policies = policyText(COPY, "FuncCopyAFunc");
        assertThat(policies).contains(":s3:::dev-s3-simple-123456789012-us-west-2/ingress/*")
                .contains(":s3:::dev-s3-simple-123456789012-us-west-2/copy-a/*")
                .contains("datasets/name=ingress/version=20230101/*")
                .contains("datasets/name=copied/version=20230101/*");
    }

    @Test
    void glueAddPartitions_mayAddPartitionsToItsSinkTableOnly() {
        synthesized.template(GLUE).hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "DEV-s3-simple-add-partitions-func-20230101-00-us-west-2",
                "Handler", "io.clusterless.runtime.workload.glue.GlueAddPartitionsHandler")));
        assertThat(synthesized.stateMachineDefinition(GLUE).path("States").has("AddPartitionsFunction")).isTrue();
        String policies = policyText(GLUE, "FuncAddPartitionsFunc");
        assertThat(policies).contains("glue:BatchCreatePartition").contains(":table/dev_simple/copies")
                .contains(":database/dev_simple");
    }

    @Test
    void batchExec_jobDefinitionRunsTheImage_withItsEnvironment_andLotParameters() {
        JsonNode definition = synthesized.single(BATCH, "AWS::Batch::JobDefinition").path("Properties");
        assertThat(definition.path("JobDefinitionName").asText()).isEqualTo("DEV-s3-simple-convert-20230101-00");
        assertThat(definition.path("PlatformCapabilities").toString()).isEqualTo("[\"FARGATE\"]");
        JsonNode container = definition.path("ContainerProperties");
        assertThat(container.path("Command").toString()).isEqualTo("[\"./convert.sh\",\"--lot\",\"Ref::param_0\"]");
        assertThat(container.path("Environment").toString()).contains("{\"Name\":\"OUTPUT_FORMAT\",\"Value\":\"parquet\"}")
                .contains("\"Name\":\"CLS_ARC_PROPS_JSON\"");
        assertThat(container.path("ResourceRequirements").toString()).contains("{\"Type\":\"VCPU\",\"Value\":\"0.5\"}")
                .contains("{\"Type\":\"MEMORY\",\"Value\":\"4096\"}");
        assertThat(container.path("RuntimePlatform").path("CpuArchitecture").asText()).isEqualTo("ARM64");
        assertThat(container.path("LogConfiguration").path("Options").path("awslogs-stream-prefix").asText())
                .isEqualTo("fargate");
        assertThat(container.path("Image").toString()).contains("container-assets");

        JsonNode queue = synthesized.single(BATCH, "AWS::Batch::JobQueue").path("Properties");
        assertThat(queue.path("JobQueueName").asText()).isEqualTo("DEV-s3-simple-convert-20230101-00");
        assertThat(queue.toString()).contains("ref:aws:arn:dev:s3-simple:20230101-00:core:compute-environment:compute");
        synthesized.template(BATCH).hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                "LogGroupName", "/aws/batch/DEV-s3-simple-convert-20230101-00", "RetentionInDays", 30));
    }

    @Test
    void batchExec_submitsAndWaits_thenCollectsTheResults() {
        JsonNode states = synthesized.stateMachineDefinition(BATCH).path("States");
        JsonNode submit = states.path("BatchSubmit");
        assertThat(submit.path("Resource").asText()).endsWith(":states:::batch:submitJob.sync");
        assertThat(submit.path("InputPath").asText()).isEqualTo("$.arcWorkloadContext");
        assertThat(submit.path("ResultPath").asText()).isEqualTo("$.workloadResponse");
        assertThat(submit.path("Parameters").path("Parameters").path("param_0.$").asText()).isEqualTo("$.arcNotifyEvent.lot");
        assertThat(submit.path("Next").asText()).isEqualTo("BatchResults");
        assertThat(states.path("BatchResults").path("ResultPath").asText()).isEqualTo("$.sinkManifests");
        assertThat(states.path("BatchResults").path("Next").asText()).isEqualTo("CompleteInvoke");
        assertThat(states.path("BatchSubmitCatch").path("Next").asText()).isEqualTo("CompleteInvoke");
        synthesized.template(BATCH).hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "FunctionName", "DEV-s3-simple-convert-result-20230101-00-us-west-2",
                "Handler", "io.clusterless.runtime.workload.batch.BatchResultHandler")));
    }

    @Test
    void wildcardResources_appearOnlyForActionsWithoutResourceLevelPermissions() {
        List<String> allowed = List.of("xray:", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery",
                "logs:DeleteLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy",
                "logs:DescribeResourcePolicies", "logs:DescribeLogGroups", "ecr:GetAuthorizationToken",
                "cloudwatch:PutMetricData");
        for (String stack : List.of(ProjectStacksTest.GROUPED, COPY, GLUE, BATCH)) {
            for (JsonNode resource : synthesized.json(stack).path("Resources")) {
                if (!resource.path("Type").asText().equals("AWS::IAM::Policy")) {
                    continue;
                }
                for (JsonNode statement : resource.path("Properties").path("PolicyDocument").path("Statement")) {
                    if (!statement.path("Resource").toString().equals("\"*\"")) {
                        continue;
                    }
                    List<String> actions = new ArrayList<>();
                    JsonNode action = statement.path("Action");
                    if (action.isArray()) {
                        action.forEach(a -> actions.add(a.asText()));
                    } else {
                        actions.add(action.asText());
                    }
                    assertThat(actions).as(stack + " " + statement)
                            .allMatch(a -> allowed.stream().anyMatch(a::startsWith));
                }
            }
        }
    }

    private static List<String> choices(JsonNode choice) {
        List<String> next = new ArrayList<>();
        choice.path("Choices").forEach(c -> next.add(c.path("Next").asText()));
        return next;
    }

    private String policyText(String stack, String component) {
        StringBuilder text = new StringBuilder();
        synthesized.json(stack).path("Resources").fields().forEachRemaining(entry -> {
            if (entry.getValue().path("Type").asText().equals("AWS::IAM::Policy") && entry.getKey().startsWith(component)) {
                text.append(entry.getValue().toString());
            }
        });
        assertThat(text).as("policies of " + component + " in " + stack).isNotEmpty();
        return text.toString();
    }
}
