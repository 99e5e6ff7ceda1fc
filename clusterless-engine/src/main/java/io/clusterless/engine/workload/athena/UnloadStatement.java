package io.clusterless.engine.workload.athena;

import io.clusterless.model.core.arc.athena.AthenaFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement Athena runs for a lot: {@code UNLOAD (<select>) TO '<sink>lot=<LOT>/' WITH (…)}. UNLOAD writes the
 * files itself, partitioned by the last columns of the SELECT, and fails on a non-empty target, which is why the lot's
 * folder is cleared before it runs.
 */
public final class UnloadStatement {
    private UnloadStatement() {
    }

    /** @param target {@code s3://bucket/prefix/lot=<LOT>/} */
    public static String of(String select, String target, AthenaQueryProps props) {
        List<String> with = new ArrayList<>();
        with.add("format = '" + props.format().name() + "'");
        if (!"NONE".equals(props.compression())) {
            with.add("compression = '" + props.compression() + "'");
        }
        if (props.format() == AthenaFormat.TEXTFILE) {
            with.add("field_delimiter = '" + props.fieldDelimiter().replace("'", "''") + "'");
        }
        if (!props.partitionBy().isEmpty()) {
            with.add("partitioned_by = ARRAY[" + String.join(", ", props.partitionBy().stream()
                    .map(column -> "'" + column + "'").toList()) + "]");
        }
        // the ')' on a line of its own: a query ending in a -- comment must not comment it out
        return "UNLOAD (" + select + "\n)\nTO '" + target.replace("'", "''") + "'\nWITH (" + String.join(", ", with)
                + ")";
    }
}
