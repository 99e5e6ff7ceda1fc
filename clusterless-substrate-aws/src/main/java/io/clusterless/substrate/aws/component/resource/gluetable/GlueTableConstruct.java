package io.clusterless.substrate.aws.component.resource.gluetable;

import io.clusterless.engine.location.S3Location;
import io.clusterless.model.core.resource.gluedatabase.GlueDatabaseResource;
import io.clusterless.model.core.resource.gluetable.GlueColumn;
import io.clusterless.model.core.resource.gluetable.GlueDataFormat;
import io.clusterless.model.core.resource.gluetable.GlueTableResource;
import io.clusterless.model.reference.Reference;
import io.clusterless.substrate.aws.construct.OrderedMaps;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.substrate.aws.construct.ProjectScope;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.glue.CfnTable;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code aws:core:glueTable}: an external table over an S3 prefix, partition filtering off. */
public final class GlueTableConstruct extends Construct {
    /** The original's model class, the first part of its construct ids. */
    static final String MODEL_CLASS = "GlueTableResource";
    private static final String TEXT_INPUT = "org.apache.hadoop.mapred.TextInputFormat";
    private static final String TEXT_OUTPUT = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";
    private static final String LAZY_SIMPLE = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe";

    public GlueTableConstruct(Construct scope, ProjectScope project, GlueTableResource model) {
        super(scope, OriginalIds.unique(scope, OriginalIds.resource(MODEL_CLASS, model.getTableName()),
                "GlueTable-" + model.getName()));
        String databaseName = databaseName(project, model);
        S3Location location = S3Location.parse(model.getPathURI());
        GlueDataFormat format = model.getSchema().getDataFormat() == null ? GlueDataFormat.parquet
                : model.getSchema().getDataFormat();
        // at the original's path <id>/<id>/Table, so its logical id is the original's (ADR-0016)
        CfnTable table = CfnTable.Builder.create(new Construct(this, getNode().getId()), "Table")
                .catalogId(Aws.ACCOUNT_ID)
                .databaseName(databaseName)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(model.getTableName())
                        .description(model.getDescription())
                        .tableType("EXTERNAL_TABLE")
                        .parameters(OrderedMaps.of("classification", classification(format), "EXTERNAL", "TRUE"))
                        .partitionKeys(columns(model.getSchema().getPartitions()))
                        .storageDescriptor(storage(format, "s3://" + location.bucket() + "/" + location.prefix(),
                                columns(model.getSchema().getColumns())))
                        .build())
                .build();
        Construct database = project.databaseConstruct(model.getDatabaseRef());
        if (database != null) {
            table.getNode().addDependency(database);
        }
        table.applyRemovalPolicy(project.removeOnDestroy(model.isRemoveOnDestroy())
                ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN);
        project.exportAsTheOriginal(this, "arn", model, "arn:" + Aws.PARTITION + ":glue:" + Aws.REGION
                + ":" + Aws.ACCOUNT_ID + ":table/" + databaseName + "/" + model.getTableName());
    }

    /** The database's name: declared in this project, the last segment of an ARN, or of an imported ARN ref. */
    private static String databaseName(ProjectScope project, GlueTableResource model) {
        String owner = "glueTable '" + model.getName() + "'";
        Reference reference = project.reference(owner, "databaseRef", model.getDatabaseRef(), GlueDatabaseResource.TYPE);
        if (reference instanceof Reference.ToComponent component) {
            return ((GlueDatabaseResource) component.component()).getDatabaseName();
        }
        if (reference instanceof Reference.ToArn arn) {
            return arn.arn().substring(arn.arn().lastIndexOf('/') + 1);
        }
        String importedArn = project.resolve(owner, "databaseRef", model.getDatabaseRef(), GlueDatabaseResource.TYPE,
                component -> null);
        return Fn.select(1, Fn.split("/", importedArn));
    }

    private static List<Object> columns(List<GlueColumn> columns) {
        List<Object> result = new ArrayList<>();
        for (GlueColumn column : columns) {
            result.add(CfnTable.ColumnProperty.builder().name(column.getName()).type(column.getType())
                    .comment(column.getComment()).build());
        }
        return result;
    }

    private static String classification(GlueDataFormat format) {
        return switch (format) {
            case tsv -> "csv";
            case cloudtrail_logs -> "cloudtrail";
            case apache_logs -> "apache";
            default -> format.name();
        };
    }

    /** Input/output formats and SerDe of each data format, as Glue's own crawlers write them. */
    private static CfnTable.StorageDescriptorProperty storage(GlueDataFormat format, String location,
                                                             List<Object> columns) {
        String input = TEXT_INPUT;
        String output = TEXT_OUTPUT;
        String serde;
        Map<String, String> serdeParameters = new LinkedHashMap<>();
        switch (format) {
            case parquet -> {
                input = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
                output = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
                serde = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";
            }
            case orc -> {
                input = "org.apache.hadoop.hive.ql.io.orc.OrcInputFormat";
                output = "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat";
                serde = "org.apache.hadoop.hive.ql.io.orc.OrcSerde";
            }
            case json -> serde = "org.openx.data.jsonserde.JsonSerDe";
            case csv -> {
                serde = LAZY_SIMPLE;
                serdeParameters.put("field.delim", ",");
            }
            case tsv -> {
                serde = LAZY_SIMPLE;
                serdeParameters.put("field.delim", "\t");
            }
            case cloudtrail_logs -> {
                input = "com.amazon.emr.cloudtrail.CloudTrailInputFormat";
                serde = "com.amazon.emr.hive.serde.CloudTrailSerde";
            }
            case apache_logs -> {
                serde = "org.apache.hadoop.hive.serde2.RegexSerDe";
                serdeParameters.put("input.regex", "([^ ]*) ([^ ]*) ([^ ]*) (-|\\[[^\\]]*\\]) ([^ \"]*|\"[^\"]*\") "
                        + "(-|[0-9]*) (-|[0-9]*)(?: ([^ \"]*|\"[^\"]*\") ([^ \"]*|\"[^\"]*\"))?");
            }
            default -> throw new IllegalArgumentException("unsupported data format: " + format);
        }
        return CfnTable.StorageDescriptorProperty.builder()
                .location(location)
                .columns(columns)
                .inputFormat(input)
                .outputFormat(output)
                .serdeInfo(CfnTable.SerdeInfoProperty.builder().serializationLibrary(serde)
                        .parameters(serdeParameters).build())
                .build();
    }
}
