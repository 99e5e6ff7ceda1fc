package io.clusterless.substrate.aws.component.resource.gluedatabase;

import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.constructs.Construct;

/**
 * {@code aws:core:glueDatabase}. CloudFormation's Glue database takes no tags, so declared tags are not applied.
 */
public final class GlueDatabaseConstruct extends Construct {
    /** The original's model class, the first part of its construct ids. */
    static final String MODEL_CLASS = "GlueDatabaseResource";

    public GlueDatabaseConstruct(Construct scope, ProjectScope project, GlueDatabaseResource model) {
        super(scope, OriginalIds.unique(scope, OriginalIds.resource(MODEL_CLASS, model.getDatabaseName()),
                "GlueDatabase-" + model.getName()));
        // at the original's path <id>/<id>/Resource, so its logical id is the original's (ADR-0016)
        CfnDatabase database = CfnDatabase.Builder.create(new Construct(this, getNode().getId()), "Resource")
                .catalogId(Aws.ACCOUNT_ID)
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder().name(model.getDatabaseName()).build())
                .build();
        database.applyRemovalPolicy(project.removeOnDestroy(model.isRemoveOnDestroy())
                ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);
        project.registerDatabase(model.getName(), model.getDatabaseName(), database);
        project.exportAsTheOriginal(this, "arn", model, arn(model.getDatabaseName()));
    }

    public static String arn(String databaseName) {
        return "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":database/" + databaseName;
    }
}
