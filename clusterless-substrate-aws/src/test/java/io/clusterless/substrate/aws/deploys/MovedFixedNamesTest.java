package io.clusterless.substrate.aws.deploys;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A deploy that would move a named resource to another logical id is found before cdk runs (ADR-0016). */
class MovedFixedNamesTest {
    private static final String EARLIER = """
            {"Resources": {
              "StartGateFunction530A38CA": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "DEV-p-a-start"}},
              "Listener828B0E81": {"Type": "AWS::Events::Rule", "Properties": {"Name": "DEV-p-a-rule"}},
              "JobDefinition": {"Type": "AWS::Batch::JobDefinition", "Properties": {"JobDefinitionName": "DEV-p-a"}},
              "StateMachineRole": {"Type": "AWS::IAM::Role", "Properties": {}}
            }}""";

    @Test
    void aNamedResourceUnderAnotherId_isAMove_namingStackTypeNameAndBothIds() {
        String now = """
                {"Resources": {
                  "StartStartFunction5E28EF5E": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "DEV-p-a-start"}},
                  "Listener828B0E81": {"Type": "AWS::Events::Rule", "Properties": {"Name": "DEV-p-a-rule"}},
                  "BatchExecArcAJobDef1": {"Type": "AWS::Batch::JobDefinition", "Properties": {"JobDefinitionName": "DEV-p-a"}}
                }}""";

        assertThat(MovedFixedNames.of("DEV-p-arc-a", EARLIER, now)).extracting(MovedFixedNames.Move::problem)
                .containsExactly("stack DEV-p-arc-a: AWS::Lambda::Function 'DEV-p-a-start' is deployed as "
                        + "StartGateFunction530A38CA and this cls builds it as StartStartFunction5E28EF5E, which "
                        + "CloudFormation cannot do for a named resource; destroy the stack first (cls destroy with "
                        + "the same project files), then deploy");
    }

    @Test
    void sameIds_renamedResources_namesGivenAsFunctions_andUnreadableTemplates_areNoMoves() {
        assertThat(MovedFixedNames.of("s", EARLIER, EARLIER)).isEmpty();
        String renamed = """
                {"Resources": {"Other": {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "DEV-p-b-start"}}}}""";
        assertThat(MovedFixedNames.of("s", EARLIER, renamed)).isEmpty();
        String joined = """
                {"Resources": {"Other": {"Type": "AWS::Events::Rule",
                  "Properties": {"Name": {"Fn::Join": ["", ["DEV-p-a-rule"]]}}}}}""";
        assertThat(MovedFixedNames.of("s", EARLIER, joined)).isEmpty();
        assertThat(MovedFixedNames.of("s", "Resources:\n  A: {}\n", EARLIER)).isEmpty();
    }
}
