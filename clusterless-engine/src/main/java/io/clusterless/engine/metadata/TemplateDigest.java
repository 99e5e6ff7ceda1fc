package io.clusterless.engine.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeMap;

/**
 * SHA-256 of a CloudFormation template's JSON with object keys sorted and no whitespace: the template a stack has
 * (GetTemplate) and the one synthesized hash alike however either was formatted.
 */
public final class TemplateDigest {
    private TemplateDigest() {
    }

    /** @throws IllegalArgumentException when the text is not JSON (a YAML template is never ours) */
    public static String of(String templateJson) {
        JsonNode tree;
        try {
            tree = Json.records().readTree(templateJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON template: " + e.getMessage(), e);
        }
        try {
            byte[] canonical = Json.records().writeValueAsBytes(sorted(tree));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            ObjectNode copy = Json.records().createObjectNode();
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.records().createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
