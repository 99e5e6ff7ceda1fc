package io.clusterless.engine.exec.athena;

import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.engine.workload.athena.AthenaQueryWorkload;
import io.clusterless.engine.workload.athena.QueryExpansion;
import io.clusterless.engine.workload.athena.UnloadStatement;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;
import io.clusterless.model.core.arc.athena.SourceTable;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cls verify}'s view of an athenaQueryArc: the statement Athena would run for one sample lot, built by the
 * same expansion as a run, without reading anything deployed. A lot predicate depends on the partitions the lot's
 * source manifest will list, so the sample shows its shape ({@code ("day" = ?)}, one term per listed partition).
 */
public final class AthenaSampleStatement {
    private AthenaSampleStatement() {
    }

    /** The sample's lot and its statement. */
    public record Sample(LotId lot, String statement) {
    }

    /**
     * @param now the sample is the last lot that ended before it
     * @throws IllegalArgumentException when the query or a source table cannot be found (validation says where)
     */
    public static Sample of(AthenaQueryArc arc, List<Deployable> deployables, Path projectDir, Instant now) {
        AthenaQueryProps props = AthenaQueryProps.of(arc, deployables, projectDir);
        LotId lot = LotId.of(unitOf(arc, deployables, Collections.newSetFromMap(new IdentityHashMap<>())), now)
                .previous();
        Map<String, String> tables = new LinkedHashMap<>();
        props.tables().forEach((role, table) -> tables.put(role, table.quotedName()));
        String select = QueryExpansion.expand(props.query(), lot.format(), tables,
                role -> predicateShape(props.table(role)));
        String target = AthenaQueryWorkload.target(arc.getSinks().values().iterator().next(), lot.format())
                .toString();
        return new Sample(lot, UnloadStatement.of(select, target, props));
    }

    private static String predicateShape(SourceTable table) {
        if (table.partitions().isEmpty()) {
            return "TRUE";
        }
        List<String> equals = table.partitions().stream()
                .map(column -> SourceTable.quote(column.name()) + " = ?").toList();
        return "(" + String.join(" AND ", equals) + ") /* one term per partition the lot's manifest lists */";
    }

    /**
     * The arc's own unit, else that of the first subscribed source found upstream (a boundary's, or the unit of the
     * arc writing it, followed back), else Twelfths.
     */
    private static LotUnit unitOf(Arc<?> arc, List<Deployable> deployables, Set<Arc<?>> seen) {
        if (arc.getLotUnit() != null) {
            return LotUnit.parse(arc.getLotUnit());
        }
        if (!seen.add(arc)) {
            return LotUnit.TWELFTHS;
        }
        for (SourceDataset source : arc.getSources().values()) {
            if (!source.isSubscribe()) {
                continue;
            }
            for (Deployable deployable : deployables) {
                for (Boundary boundary : deployable.getBoundaries()) {
                    if (source.sameDataset(boundary.getDataset())) {
                        return LotUnit.parse(boundary.getLotUnit());
                    }
                }
                for (Arc<?> writer : deployable.getArcs()) {
                    if (writer.getSinks().values().stream().anyMatch(source::sameDataset)) {
                        return unitOf(writer, deployables, seen);
                    }
                }
            }
        }
        return LotUnit.TWELFTHS;
    }
}
