package io.clusterless.substrate.aws.component.arc.athena;

import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.model.core.arc.athena.SourceTable;
import io.clusterless.substrate.aws.iam.Access;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the state machine's role needs for Athena to run one arc's UNLOAD with it: the query on the work group, Glue
 * read on the source tables, S3 read on their locations, write under the sink path and the query results prefix.
 */
final class QueryGrants {
    private QueryGrants() {
    }

    static List<PolicyStatement> of(AthenaQueryProps query, S3Location sink, S3Location results, String workGroup) {
        List<PolicyStatement> statements = new ArrayList<>();
        String region = ":" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":";
        statements.add(statement(List.of("athena:StartQueryExecution", "athena:GetQueryExecution",
                "athena:StopQueryExecution"), List.of("arn:" + Aws.PARTITION + ":athena" + region + "workgroup/"
                + workGroup)));
        Set<String> glue = new LinkedHashSet<>();
        Set<String> buckets = new LinkedHashSet<>();
        for (SourceTable table : query.tables().values()) {
            String catalog = table.catalogId() == null ? Aws.ACCOUNT_ID : table.catalogId();
            String arn = "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION + ":" + catalog + ":";
            glue.add(arn + "catalog");
            glue.add(arn + "database/" + table.database());
            glue.add(arn + "table/" + table.database() + "/" + table.table());
            S3Location location = S3Location.parse(table.location());
            statements.addAll(read(location));
            buckets.add(location.bucket());
        }
        statements.add(statement(List.of("glue:GetDatabase", "glue:GetTable", "glue:GetPartition",
                "glue:GetPartitions"), new ArrayList<>(glue)));
        for (S3Location written : List.of(sink, results)) {
            statements.addAll(read(written));
            statements.add(statement(List.of("s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"),
                    List.of(Access.objectsArn(written.bucket(), written.prefix()))));
            buckets.add(written.bucket());
        }
        statements.add(statement(List.of("s3:GetBucketLocation", "s3:ListBucketMultipartUploads"),
                buckets.stream().map(Access::bucketArn).toList()));
        return statements;
    }

    /** Get under the prefix, list only keys under it (as {@link Access#read} grants a role). */
    private static List<PolicyStatement> read(S3Location location) {
        PolicyStatement list = PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(Access.bucketArn(location.bucket())))
                .conditions(location.prefix().isEmpty() ? null
                        : Map.of("StringLike", Map.of("s3:prefix", List.of(location.prefix() + "*"))))
                .build();
        return List.of(statement(List.of("s3:GetObject"), List.of(Access.objectsArn(location.bucket(),
                location.prefix()))), list);
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().actions(actions).resources(resources).build();
    }
}
