package io.clusterless.engine.workload.athena;

import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.lot.LotId;
import io.clusterless.model.core.arc.athena.QueryPlaceholders;
import io.clusterless.model.core.arc.athena.QueryText;

import java.util.Map;
import java.util.function.Function;

/**
 * Replaces the placeholders of an athenaQueryArc's SELECT for one lot: {@code ${lot}}, {@code ${lotStart}},
 * {@code ${lotEnd}} (ISO-8601 UTC, e.g. {@code 2023-08-01T00:05:00Z}), {@code ${source.ROLE.table}} and
 * {@code ${source.ROLE.lotPredicate}}. Predicates are asked for only when the SQL uses them (building one reads a
 * manifest).
 */
public final class QueryExpansion {
    private QueryExpansion() {
    }

    /**
     * @param tables     role → {@code "db"."table"}
     * @param predicates role → its lot predicate, computed on demand
     * @return the SELECT without placeholders and without a trailing ';'
     */
    public static String expand(String sql, String lot, Map<String, String> tables,
                                Function<String, String> predicates) {
        LotId id;
        try {
            id = LotId.parse(lot);
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("lot '" + lot + "' is not a lot id: " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (QueryPlaceholders.Placeholder placeholder : QueryPlaceholders.find(sql)) {
            out.append(sql, at, placeholder.offset());
            String problem = QueryPlaceholders.problem(placeholder, tables.keySet());
            if (problem != null) {
                throw new WorkloadException("the arc's query: " + problem);
            }
            out.append(switch (placeholder.name()) {
                case "lot" -> lot;
                case "lotStart" -> id.start().toString();
                case "lotEnd" -> id.end().toString();
                default -> "table".equals(placeholder.sourceField()) ? tables.get(placeholder.role())
                        : predicates.apply(placeholder.role());
            });
            at = placeholder.offset() + placeholder.length();
        }
        out.append(sql.substring(at));
        return QueryText.withoutTerminator(out.toString());
    }
}
