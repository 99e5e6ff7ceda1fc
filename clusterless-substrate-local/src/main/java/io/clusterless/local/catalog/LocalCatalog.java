package io.clusterless.local.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.catalog.PartitionCatalog;
import io.clusterless.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Glue catalog of the local substrate: one JSON file per table, {@code catalog/<database>/<table>.json}, holding
 * the table's storage descriptor and its partitions, so a user can see what glueAddPartitionsArc registered.
 * Adding a partition that exists fails it with {@code AlreadyExistsException}, as Glue does.
 */
public final class LocalCatalog implements PartitionCatalog {
    private final Path root;
    private final Map<String, String> tableLocations;

    /**
     * @param root           the catalog folder
     * @param tableLocations "database/table" → the table's declared pathURI, for its storage descriptor (what the
     *                       glueTable resources declared, see {@code GlueTableLocal})
     */
    public LocalCatalog(Path root, Map<String, String> tableLocations) {
        this.root = root;
        this.tableLocations = Map.copyOf(tableLocations);
    }

    public Path tableFile(String database, String table) {
        return root.resolve(database).resolve(table + ".json");
    }

    @Override
    public synchronized JsonNode storageDescriptor(String catalogId, String database, String table) {
        return read(database, table).path("storageDescriptor");
    }

    @Override
    public synchronized List<PartitionError> addPartitions(String catalogId, String database, String table,
                                                           JsonNode storageDescriptor, List<Partition> partitions) {
        ObjectNode file = read(database, table);
        ArrayNode stored = file.withArray("partitions");
        Set<List<String>> existing = new HashSet<>();
        stored.forEach(node -> existing.add(Json.records().convertValue(node.path("values"),
                Json.records().getTypeFactory().constructCollectionType(List.class, String.class))));
        List<PartitionError> errors = new ArrayList<>();
        for (Partition partition : partitions) {
            if (!existing.add(partition.values())) {
                errors.add(new PartitionError(partition.values(), "AlreadyExistsException", "Partition already exists."));
                continue;
            }
            ObjectNode node = stored.addObject();
            node.set("values", Json.records().valueToTree(partition.values()));
            node.put("location", partition.location());
        }
        write(database, table, file);
        return errors;
    }

    private ObjectNode read(String database, String table) {
        Path file = tableFile(database, table);
        try {
            if (Files.exists(file)) {
                return (ObjectNode) Json.records().readTree(file.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local catalog table " + file, e);
        }
        ObjectNode created = Json.records().createObjectNode();
        created.put("database", database);
        created.put("table", table);
        ObjectNode descriptor = created.putObject("storageDescriptor");
        String location = tableLocations.get(database + "/" + table);
        if (location != null) {
            descriptor.put("Location", location);
        }
        created.putArray("partitions");
        return created;
    }

    private void write(String database, String table, ObjectNode content) {
        Path file = tableFile(database, table);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, Json.records().writerWithDefaultPrettyPrinter().writeValueAsBytes(content));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the local catalog table " + file, e);
        }
    }
}
