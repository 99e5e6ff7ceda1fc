package io.clusterless.substrate.aws.iam;

import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM statement allowing {@code actions} on {@code resources}, as data: a {@link Grantee} decides when it
 * crosses to node, alone ({@link #build()}) or with the role's other statements in one policy document
 * ({@link #json()}). Both render the same statement.
 *
 * @param conditions the statement's {@code Condition} block, or null
 */
public record Statement(List<String> actions, List<String> resources, Map<String, Object> conditions) {
    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    public static Statement allow(List<String> actions, List<String> resources) {
        return new Statement(actions, resources, null);
    }

    /** The statement as its own CDK object: one round trip to node. */
    public PolicyStatement build() {
        PolicyStatement.Builder builder = PolicyStatement.Builder.create().actions(actions).resources(resources);
        if (conditions != null) {
            builder.conditions(conditions);
        }
        return builder.build();
    }

    /** The statement in IAM's JSON form, as {@code PolicyDocument.fromJson} reads it. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Effect", "Allow");
        json.put("Action", actions);
        json.put("Resource", resources);
        if (conditions != null) {
            json.put("Condition", conditions);
        }
        return json;
    }
}
