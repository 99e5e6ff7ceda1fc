package io.clusterless.model.core.resource.gluetable;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Locations;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/**
 * The model of {@value GlueTableResource#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class GlueTableResourcePlugin implements ComponentPlugin, ComponentRules<GlueTableResource> {
    private static final ComponentType TYPE = new ComponentType(
            GlueTableResource.TYPE, ComponentKind.RESOURCE, GlueTableResource.class,
            "A Glue table over an S3 prefix.",
            "Creates a Glue table with the given columns, partition keys and data format, located at "
                    + "pathURI. glueAddPartitionsArc sinks (glue://[catalog]/database/table) register "
                    + "partitions in it.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<GlueTableResource>> rules() {
        return List.of(
                ComponentRule.of(ComponentRule.Concern.NAMES, GlueTableResourcePlugin::tableName),
                ComponentRule.of(ComponentRule.Concern.LOCATIONS, GlueTableResourcePlugin::location),
                ComponentRule.of(ComponentRule.Concern.REFERENCES, GlueTableResourcePlugin::databaseRef));
    }

    private static void tableName(Located<GlueTableResource> table, RuleContext context, List<Problem> problems) {
        String problem = Names.glueProblem("tableName", table.value().getTableName());
        if (problem != null) {
            problems.add(table.problemAt(problem, "tableName"));
        }
    }

    private static void location(Located<GlueTableResource> table, RuleContext context, List<Problem> problems) {
        String problem = Locations.s3Problem(table.value().getPathURI());
        if (problem != null) {
            problems.add(table.problem("pathURI", "table location " + problem));
        }
    }

    private static void databaseRef(Located<GlueTableResource> table, RuleContext context, List<Problem> problems) {
        RuleContext.reportUnresolved(context.references().resolve(table.value().getDatabaseRef(),
                GlueDatabaseResource.TYPE), table, problems, "databaseRef");
    }
}
