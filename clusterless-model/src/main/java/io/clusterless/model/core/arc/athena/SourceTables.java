package io.clusterless.model.core.arc.athena;

import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.Resource;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.model.reference.ReferenceResolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Glue table behind each source of an athenaQueryArc: the source dataset is either the sink of a
 * glueAddPartitionsArc ({@code glue://[catalog]/db/table}), or an S3 dataset over which a glueTable resource is
 * declared (same {@code pathURI}). Either way the table must be declared in the given files: its columns, partition
 * keys and format are what the local run reads with, and its location is what AWS grants read on.
 */
public final class SourceTables {
    private static final Pattern GLUE = Pattern.compile("glue://([^/]*)/([^/]+)/([^/]+)/?");

    /** A source role's table, or why there is none ({@code ownerUnknown}: the dataset is not owned in these files). */
    public record Resolution(SourceTable table, String problem, boolean ownerUnknown) {
    }

    private final List<Deployable> deployables;

    public SourceTables(List<Deployable> deployables) {
        this.deployables = List.copyOf(deployables);
    }

    /** Role → resolution, in source order. */
    public Map<String, Resolution> resolve(Arc<?> arc) {
        Map<String, Resolution> resolved = new LinkedHashMap<>();
        arc.getSources().forEach((role, source) -> resolved.put(role, resolve(source)));
        return resolved;
    }

    /** Role → table; throws naming the first role that has none. */
    public Map<String, SourceTable> require(Arc<?> arc) {
        Map<String, SourceTable> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Resolution> entry : resolve(arc).entrySet()) {
            if (entry.getValue().table() == null) {
                throw new IllegalArgumentException("arc '" + arc.getName() + "': source role '" + entry.getKey()
                        + "': " + entry.getValue().problem());
            }
            tables.put(entry.getKey(), entry.getValue().table());
        }
        return tables;
    }

    private Resolution resolve(SourceDataset source) {
        Optional<SinkDataset> owner = owner(source);
        if (owner.isEmpty()) {
            return new Resolution(null, "no boundary or arc in the given files writes dataset " + source.id()
                    + "; pass the file that owns it too", true);
        }
        String path = owner.get().getPathURI() == null ? "" : owner.get().getPathURI();
        Matcher glue = GLUE.matcher(path);
        if (glue.matches()) {
            String catalog = glue.group(1).isEmpty() ? null : glue.group(1);
            return declared(glue.group(2), glue.group(3))
                    .map(found -> new Resolution(table(catalog, found.database, found.resource), null, false))
                    .orElseGet(() -> new Resolution(null, "dataset " + source.id() + " is the Glue table " + path
                            + ", but no glueTable resource in the given files declares " + glue.group(2) + "."
                            + glue.group(3) + "; declare it (its columns and format are what the query reads)",
                            false));
        }
        if (path.startsWith("s3://")) {
            for (Declared found : declaredTables()) {
                if (sameLocation(found.resource.getPathURI(), path)) {
                    return new Resolution(table(null, found.database, found.resource), null, false);
                }
            }
            return new Resolution(null, "dataset " + source.id() + " at " + path + " has no glueTable resource "
                    + "over that pathURI; declare one, or read the glue:///DB/TABLE sink of a glueAddPartitionsArc",
                    false);
        }
        return new Resolution(null, "dataset " + source.id() + " at " + path + " is neither a Glue table "
                + "(glue:///DB/TABLE) nor an S3 dataset with a glueTable resource", false);
    }

    private Optional<SinkDataset> owner(SourceDataset source) {
        for (Deployable deployable : deployables) {
            for (Boundary boundary : deployable.getBoundaries()) {
                if (boundary.getDataset() != null && boundary.getDataset().sameDataset(source)) {
                    return Optional.of(boundary.getDataset());
                }
            }
            for (Arc<?> arc : deployable.getArcs()) {
                for (SinkDataset sink : arc.getSinks().values()) {
                    if (sink.sameDataset(source)) {
                        return Optional.of(sink);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private record Declared(String database, GlueTableResource resource) {
    }

    private Optional<Declared> declared(String database, String table) {
        return declaredTables().stream()
                .filter(found -> found.database.equals(database) && table.equals(found.resource.getTableName()))
                .findFirst();
    }

    private List<Declared> declaredTables() {
        List<Declared> tables = new ArrayList<>();
        for (Deployable deployable : deployables) {
            ReferenceResolver references = new ReferenceResolver(ComponentRegistry.defaultRegistry(),
                    deployable.getResources());
            for (Resource resource : deployable.getResources()) {
                if (GlueTableResource.TYPE.equals(resource.getType()) && !resource.isExclude()) {
                    GlueTableResource table = (GlueTableResource) resource;
                    table.databaseName(references).ifPresent(database -> tables.add(new Declared(database, table)));
                }
            }
        }
        return tables;
    }

    private static SourceTable table(String catalog, String database, GlueTableResource resource) {
        return new SourceTable(catalog, database, resource.getTableName(), withSlash(resource.getPathURI()),
                SourceTable.Column.of(resource.getSchema().getColumns()),
                SourceTable.Column.of(resource.getSchema().getPartitions()),
                resource.getSchema().getDataFormat() == null ? null : resource.getSchema().getDataFormat().name());
    }

    private static boolean sameLocation(String a, String b) {
        return a != null && withSlash(a).equals(withSlash(b));
    }

    private static String withSlash(String path) {
        return path == null || path.endsWith("/") ? path : path + "/";
    }
}
