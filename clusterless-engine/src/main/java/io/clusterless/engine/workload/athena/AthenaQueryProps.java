package io.clusterless.engine.workload.athena;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.json.Json;
import io.clusterless.model.Deployable;
import io.clusterless.model.core.arc.athena.AthenaFormat;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;
import io.clusterless.model.core.arc.athena.AthenaQuerySettings;
import io.clusterless.model.core.arc.athena.QueryText;
import io.clusterless.model.core.arc.athena.SourceTable;
import io.clusterless.model.core.arc.athena.SourceTables;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an athenaQueryArc's workload needs at run time, resolved once from the project (the query file read, each
 * source's Glue table found): the Lambda gets it as the {@code workloadProps} of its arc props, the local run and
 * {@code exec --dry-run} build it the same way.
 *
 * @param query           the SELECT with its placeholders, not yet expanded
 * @param tables          source role → its Glue table
 * @param queryResultsURI where Athena keeps query metadata, null for the default
 */
public record AthenaQueryProps(String query, AthenaFormat format, String compression, String fieldDelimiter,
                               List<String> partitionBy, String workGroup, String queryResultsURI,
                               Map<String, SourceTable> tables) {
    public AthenaQueryProps {
        partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
        tables = tables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        format = format == null ? AthenaFormat.PARQUET : format;
    }

    /**
     * @param projectDir the folder of the arc's project file, where {@code queryPath} lives
     * @throws IllegalArgumentException naming the arc when its query or a source table cannot be found
     */
    public static AthenaQueryProps of(AthenaQueryArc arc, List<Deployable> deployables, Path projectDir) {
        AthenaQuerySettings settings = arc.getWorkload();
        return new AthenaQueryProps(QueryText.of(arc, projectDir).sql(), settings.getFormat(),
                settings.compressionOrDefault(), settings.getFieldDelimiter(), settings.getPartitionBy(),
                settings.getWorkGroup(), settings.getQueryResultsURI(), new SourceTables(deployables).require(arc));
    }

    public static AthenaQueryProps from(JsonNode workloadProps) {
        if (workloadProps == null) {
            throw new WorkloadException("the athenaQueryArc's arc props carry no workloadProps; redeploy the arc");
        }
        try {
            return Json.records().treeToValue(workloadProps, AthenaQueryProps.class);
        } catch (JsonProcessingException e) {
            throw new WorkloadException("workloadProps of the athenaQueryArc are not valid: " + e.getOriginalMessage(),
                    e);
        }
    }

    public JsonNode toTree() {
        return Json.records().valueToTree(this);
    }

    public SourceTable table(String role) {
        SourceTable table = tables.get(role);
        if (table == null) {
            throw new WorkloadException("source role '" + role + "' has no Glue table in the arc props; the arc's "
                    + "sources are " + tables.keySet());
        }
        return table;
    }
}
