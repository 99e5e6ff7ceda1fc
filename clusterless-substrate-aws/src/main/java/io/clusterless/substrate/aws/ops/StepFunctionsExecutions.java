package io.clusterless.substrate.aws.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonClient;

/**
 * Starts executions of an arc's state machine, for {@code cls exec}: the input is what the arc's listener rule
 * would deliver, an EventBridge event whose {@code detail} is the ArcNotifyEvent (the machine's first state reads
 * {@code $.detail}).
 */
public final class StepFunctionsExecutions {
    private final AwsJsonClient states;
    private final AwsClients clients;

    public StepFunctionsExecutions(AwsClients clients) {
        this.clients = clients;
        this.states = new AwsJsonClient(clients, "states", "AWSStepFunctions", "1.0");
    }

    /** The ARN of a state machine in this account and region, from its name (no lookup). */
    public String stateMachineArn(String account, String name) {
        return "arn:aws:states:" + clients.settings().region() + ":" + account + ":stateMachine:" + name;
    }

    /**
     * @param executionName unique per state machine for 90 days; Step Functions refuses a second execution of the
     *                      same name with other input, which makes a retried {@code exec} idempotent
     * @return the execution ARN
     */
    public String start(String stateMachineArn, String executionName, JsonNode input) {
        ObjectNode request = Json.records().createObjectNode()
                .put("stateMachineArn", stateMachineArn)
                .put("name", executionName)
                .put("input", input.toString());
        return states.call("StartExecution", request).path("executionArn").asText();
    }

    /** {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, … */
    public String status(String executionArn) {
        return states.call("DescribeExecution", Json.records().createObjectNode().put("executionArn", executionArn))
                .path("status").asText();
    }
}
