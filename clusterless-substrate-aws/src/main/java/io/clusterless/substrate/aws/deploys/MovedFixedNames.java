package io.clusterless.substrate.aws.deploys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed-name resources a deploy would move to another logical id (ADR-0016). CloudFormation cannot move a resource:
 * it creates the one under the new id first, which fails because the name is taken, and rolls the whole stack back.
 * That happens to a stack deployed by a cls from before the original's logical ids were adopted; it is found here,
 * before cdk starts, by comparing the deployed template with the synthesized one.
 * <p>
 * A Batch job definition is left out: a deploy makes a new revision of the same name, which CloudFormation allows.
 */
public final class MovedFixedNames {
    /** The property holding the physical name, by resource type; a path into {@code Properties}. */
    private static final Map<String, String> NAME_PROPERTIES = Map.ofEntries(
            Map.entry("AWS::Lambda::Function", "/FunctionName"),
            Map.entry("AWS::Events::Rule", "/Name"),
            Map.entry("AWS::Events::EventBus", "/Name"),
            Map.entry("AWS::SQS::Queue", "/QueueName"),
            Map.entry("AWS::SNS::Topic", "/TopicName"),
            Map.entry("AWS::StepFunctions::StateMachine", "/StateMachineName"),
            Map.entry("AWS::Logs::LogGroup", "/LogGroupName"),
            Map.entry("AWS::S3::Bucket", "/BucketName"),
            Map.entry("AWS::Batch::JobQueue", "/JobQueueName"),
            Map.entry("AWS::Batch::ComputeEnvironment", "/ComputeEnvironmentName"),
            Map.entry("AWS::Glue::Database", "/DatabaseInput/Name"),
            Map.entry("AWS::Glue::Table", "/TableInput/Name"),
            Map.entry("AWS::IAM::Role", "/RoleName"));

    /** One resource of a fixed name that the deploy would give another logical id. */
    public record Move(String stack, String type, String name, String deployedId, String synthesizedId) {
        /** One line: what is wrong and what to do. */
        public String problem() {
            return "stack " + stack + ": " + type + " '" + name + "' is deployed as " + deployedId + " and this cls "
                    + "builds it as " + synthesizedId + ", which CloudFormation cannot do for a named resource; "
                    + "destroy the stack first (cls destroy with the same project files), then deploy";
        }
    }

    private MovedFixedNames() {
    }

    /**
     * The moves between the deployed and the synthesized template of one stack, in the deployed template's order.
     * Names given as CloudFormation functions are not compared (they are not known before the deploy).
     */
    public static List<Move> of(String stack, String deployedTemplate, String synthesizedTemplate) {
        Map<String, String> synthesized = idsByName(read(synthesizedTemplate));
        List<Move> moves = new ArrayList<>();
        for (Map.Entry<String, String> deployed : idsByName(read(deployedTemplate)).entrySet()) {
            String synthesizedId = synthesized.get(deployed.getKey());
            if (synthesizedId != null && !synthesizedId.equals(deployed.getValue())) {
                String[] typeAndName = deployed.getKey().split(" ", 2);
                moves.add(new Move(stack, typeAndName[0], typeAndName[1], deployed.getValue(), synthesizedId));
            }
        }
        return moves;
    }

    /** {@code "<type> <name>"} → logical id, for the resources whose name is a plain string. */
    private static Map<String, String> idsByName(JsonNode template) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            String property = NAME_PROPERTIES.get(type);
            if (property == null) {
                continue;
            }
            JsonNode name = resource.getValue().path("Properties").at(property);
            if (name.isTextual()) {
                ids.put(type + " " + name.asText(), resource.getKey());
            }
        }
        return ids;
    }

    private static JsonNode read(String template) {
        if (template == null || template.isBlank()) {
            return Json.records().createObjectNode();
        }
        try {
            return Json.records().readTree(template);
        } catch (JsonProcessingException e) {
            // a deployed template in YAML (written by hand, not by cls or the original): nothing to compare
            return Json.records().createObjectNode();
        }
    }
}
