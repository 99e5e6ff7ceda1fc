package io.clusterless.substrate.aws.component.resource.gluedatabase;

import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.constructs.Construct;

/**
 * {@code aws:core:glueDatabase}. CloudFormation's Glue database takes no tags, so declared tags are not applied.
 */
public final class GlueDatabaseConstruct extends Construct {
    public GlueDatabaseConstruct(Construct scope, ProjectScope project, GlueDatabaseResource model) {
        super(scope, "GlueDatabase-" + model.getName());
        CfnDatabase database = CfnDatabase.Builder.create(this, "Database")
                .catalogId(Aws.ACCOUNT_ID)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder().name(model.getDatabaseName()).build())
                .build();
        database.applyRemovalPolicy(project.removeOnDestroy(model.isRemoveOnDestroy())
                ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);
        project.registerDatabase(model.getName(), model.getDatabaseName(), database);
        project.export(this, "Arn", project.exportRef("arn", model), arn(model.getDatabaseName()));
    }

    public static String arn(String databaseName) {
        return "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":database/" + databaseName;
    }
}
