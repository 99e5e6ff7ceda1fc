package io.clusterless.engine.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.model.SinkDataset;

/**
 * A dataset's owner record, {@code datasets/name=<n>/version=<v>/dataset.json} (reference §4.2, ADR-0016): which
 * project version owns the dataset and where its objects live.
 * <p>
 * Written in the original's shape, {@code {"owner": {"name", "version"}, "dataset": {"name", "version", "pathURI",
 * "publish"}}}, so either tool reads the other's; {@code dataset.freshness} is added only when the dataset declares
 * targets. Read in that shape and in the flat one cls wrote before ({@code name, version, pathURI, publish,
 * freshness, owner: {project, version, component}}), so placements deployed by earlier versions keep working.
 *
 * @param project        the owning project's name, as declared
 * @param projectVersion the owning project's version
 * @param component      the boundary or arc that produces the dataset, when the record says (only the flat shape
 *                       did); null otherwise
 * @param dataset        name, version, path and freshness targets
 */
public record DatasetRecord(String project, String projectVersion, String component, SinkDataset dataset) {

    /** The record in the original's shape. */
    public ObjectNode toJson() {
        ObjectNode record = Json.records().createObjectNode();
        record.putObject("owner").put("name", project).put("version", projectVersion);
        ObjectNode node = record.putObject("dataset");
        node.put("name", dataset.getName());
        node.put("version", dataset.getVersion());
        node.put("pathURI", dataset.getPathURI());
        node.put("publish", dataset.isPublish());
        if (dataset.getFreshness() != null) {
            node.set("freshness", Json.records().valueToTree(dataset.getFreshness()));
        }
        return record;
    }

    /**
     * Reads a record of either shape.
     *
     * @throws IllegalArgumentException naming what is missing, when the record has no dataset name, version or path
     */
    public static DatasetRecord read(JsonNode record) {
        boolean original = record.path("dataset").isObject();
        JsonNode node = original ? record.path("dataset") : record;
        JsonNode owner = record.path("owner");
        String name = text(node, "name");
        String version = text(node, "version");
        String pathURI = text(node, "pathURI");
        String missing = name == null ? "name" : version == null ? "version" : pathURI == null ? "pathURI" : null;
        if (missing != null) {
            throw new IllegalArgumentException("has no " + (original ? "dataset." : "") + missing
                    + "; expected {\"owner\": {\"name\", \"version\"}, \"dataset\": {\"name\", \"version\", "
                    + "\"pathURI\"}}");
        }
        ObjectNode fields = Json.records().createObjectNode().put("name", name).put("version", version)
                .put("pathURI", pathURI);
        if (node.hasNonNull("freshness")) {
            fields.set("freshness", node.get("freshness"));
        }
        SinkDataset dataset;
        try {
            dataset = Json.records().treeToValue(fields, SinkDataset.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("has unreadable " + (original ? "dataset." : "") + "freshness: "
                    + e.getOriginalMessage());
        }
        return new DatasetRecord(text(owner, original ? "name" : "project"), text(owner, "version"),
                original ? null : text(owner, "component"), dataset);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }
}
