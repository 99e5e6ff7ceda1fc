package io.clusterless.substrate.aws.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.aws.AwsJsonException;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS calls behind enable/disable and exec, against moto_server. */
class ListenerAndExecutionAdaptersTest {
    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void disableThenEnable_changesTheRuleStateOnItsBus() {
        MotoServer moto = MotoServer.get();
        AwsJsonClient events = new AwsJsonClient(moto.clients(), "events", "AWSEvents", "1.1");
        String bus = unique("DEV-arc-events");
        String rule = unique("DEV-p-copy-1-rule");
        events.call("CreateEventBus", Json.records().createObjectNode().put("Name", bus));
        events.call("PutRule", Json.records().createObjectNode().put("Name", rule).put("EventBusName", bus)
                .put("EventPattern", "{\"source\":[\"clusterless.arc\"]}").put("State", "ENABLED"));
        EventBridgeRules rules = new EventBridgeRules(moto.clients());

        rules.setEnabled(rule, bus, false);
        assertThat(rules.state(rule, bus)).contains("DISABLED");

        rules.setEnabled(rule, bus, true);
        assertThat(rules.state(rule, bus)).contains("ENABLED");
        assertThat(rules.state(unique("no-such-rule"), bus)).isEmpty();
    }

    @Test
    void start_runsAnExecutionOfTheNamedStateMachine_andANameIsUsedOnce() {
        MotoServer moto = MotoServer.get();
        AwsJsonClient states = new AwsJsonClient(moto.clients(), "states", "AWSStepFunctions", "1.0");
        String name = unique("DEV-p-copy-1");
        String definition = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}";
        String arn = states.call("CreateStateMachine", Json.records().createObjectNode().put("name", name)
                .put("definition", definition).put("roleArn", "arn:aws:iam::123456789012:role/sfn"))
                .path("stateMachineArn").asText();
        StepFunctionsExecutions executions = new StepFunctionsExecutions(moto.clients());
        assertThat(executions.stateMachineArn(arn.split(":")[4], name)).isEqualTo(arn);
        ObjectNode input = Json.records().createObjectNode();
        input.putObject("detail").put("lot", "20230101PT5M000");

        String execution = executions.start(arn, "exec-20230101PT5M000", input);

        assertThat(execution).contains(name, "exec-20230101PT5M000");
        assertThat(executions.status(execution)).isIn("RUNNING", "SUCCEEDED");
        assertThatThrownBy(() -> executions.start(arn, "exec-20230101PT5M000",
                Json.records().createObjectNode().put("other", true)))
                .isInstanceOf(AwsJsonException.class);
    }
}
