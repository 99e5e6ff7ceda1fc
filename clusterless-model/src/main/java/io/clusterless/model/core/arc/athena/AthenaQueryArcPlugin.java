package io.clusterless.model.core.arc.athena;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;

import java.util.List;

/**
 * The model of {@value AthenaQueryArc#TYPE}: its declaration, documentation ({@code cls show component}), Lambda
 * function names and own validation ({@link AthenaQueryRule}).
 */
public final class AthenaQueryArcPlugin implements ComponentPlugin, ComponentRules<AthenaQueryArc> {
    private static final ComponentType TYPE = new ComponentType(AthenaQueryArc.TYPE, ComponentKind.ARC,
            AthenaQueryArc.class,
            "Runs one SQL SELECT per lot over Glue tables and writes the result (Parquet, ORC, JSON, text).",
            "For every lot of its source, expands the placeholders of query (or the .sql file queryPath): ${lot}, "
                    + "${lotStart}, ${lotEnd}, ${source.ROLE.table} (\"db\".\"table\") and ${source.ROLE.lotPredicate} "
                    + "(the lot's partitions, from the source manifest), and writes the result under "
                    + "<sink pathURI>lot=<LOT>/, then one col=value/ folder per partitionBy column. A source is the "
                    + "glue:///DB/TABLE sink of a glueAddPartitionsArc, or an S3 dataset with a glueTable resource "
                    + "over its pathURI. On AWS the state machine runs Athena's UNLOAD (startQueryExecution.sync); "
                    + "locally DuckDB runs the same SELECT over the table's files. A replayed lot replaces the lot's "
                    + "objects; the sink manifest lists what was written (none: an empty lot). See docs/sql-arcs.md "
                    + "for the SQL both engines accept.",
            List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<AthenaQueryArc>> rules() {
        return List.of(new AthenaQueryRule());
    }
}
