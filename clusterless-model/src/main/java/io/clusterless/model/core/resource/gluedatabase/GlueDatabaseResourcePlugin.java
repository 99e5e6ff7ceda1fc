package io.clusterless.model.core.resource.gluedatabase;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/**
 * The model of {@value GlueDatabaseResource#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class GlueDatabaseResourcePlugin implements ComponentPlugin, ComponentRules<GlueDatabaseResource> {
    private static final ComponentType TYPE = new ComponentType(
            GlueDatabaseResource.TYPE, ComponentKind.RESOURCE, GlueDatabaseResource.class,
            "A Glue Data Catalog database.",
            "Creates a Glue database; glueTable components point at it with databaseRef.",
            List.of());

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<GlueDatabaseResource>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.NAMES, GlueDatabaseResourcePlugin::databaseName));
    }

    private static void databaseName(Located<GlueDatabaseResource> database, RuleContext context,
                                     List<Problem> problems) {
        String problem = Names.glueProblem("databaseName", database.value().getDatabaseName());
        if (problem != null) {
            problems.add(database.problemAt(problem, "databaseName"));
        }
    }
}
