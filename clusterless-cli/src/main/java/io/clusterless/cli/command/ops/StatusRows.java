package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.status.StatusSummary;
import io.clusterless.json.Json;
import io.clusterless.naming.PlacementNames;

import java.util.List;

/** The columns of the status reports (reference §2.7), in their order. */
final class StatusRows {
    /**
     * What a narrow terminal keeps longest, most wanted first: the level and state, the counts a person scans for
     * trouble, the newest lot.
     */
    static final List<String> KEPT = List.of("freshness", "arcState", "manifestState", "failed", "missing",
            "partial", "running", "waiting", "complete", "latestFound");

    private StatusRows() {
    }

    static ObjectNode row(PlacementNames placement) {
        ObjectNode row = Json.records().createObjectNode();
        row.putObject("placement").put("stage", placement.stage()).put("account", placement.account())
                .put("region", placement.region());
        return row;
    }

    static void summary(ObjectNode row, StatusSummary summary) {
        row.put("temporalUnit", summary.temporalUnit().displayName());
        row.put("earliest", summary.earliest());
        row.put("earliestFound", summary.earliestFound());
        row.put("earliestGap", summary.earliestGap());
        row.put("latest", summary.latest());
        row.put("latestFound", summary.latestFound());
        row.put("latestGap", summary.latestGap());
        summary.counts().forEach(row::put);
        row.put("totalFound", summary.totalFound());
        row.put("range", summary.range());
        row.put("rangeGap", summary.rangeGap());
    }
}
