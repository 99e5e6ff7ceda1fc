package io.clusterless.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.output.Printer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report printer: reference §2.7 table, JSON, CSV and TSV layouts. */
class PrinterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<ObjectNode> records() {
        ObjectNode first = Printer.record();
        first.putObject("placement").put("account", "123456789012").put("stage", "dev");
        first.put("name", "copy").put("earliestGap", 1234567).putNull("latest");
        ObjectNode second = Printer.record();
        second.putObject("placement").put("account", "210987654321").putNull("stage");
        second.put("name", "a, \"quoted\"\tname").put("earliestGap", 0).put("latest", "20230101PT5M000");
        return List.of(first, second);
    }

    private static String print(OutputFormat format) {
        StringWriter out = new StringWriter();
        new Printer(new PrintWriter(out), format).print(records());
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void noRecords_isSaidInATable_andAnEmptyArrayInJson() {
        StringWriter table = new StringWriter();
        new Printer(new PrintWriter(table), OutputFormat.table).print(List.of());
        StringWriter json = new StringWriter();
        new Printer(new PrintWriter(json), OutputFormat.json).print(List.of());

        assertThat(table.toString().strip()).isEqualTo("(none)");
        assertThat(json.toString().strip()).isEqualTo("[ ]");
    }

    @Test
    void table_hasTwoHeaderRowsAnUnderlineDashesForNullsAndGroupedIntegers() {
        ObjectNode record = Printer.record();
        record.putObject("placement").put("account", "123456789012").putNull("stage");
        record.put("name", "copy").put("earliestGap", 1234567).put("latest", "20230101PT5M000");
        StringWriter out = new StringWriter();

        new Printer(new PrintWriter(out), OutputFormat.table).print(List.of(records().get(0), record));

        assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                placement     placement        earliest
                account       stage      name  gap        latest
                =========================================================
                123456789012  dev        copy  1,234,567  -
                123456789012  -          copy  1,234,567  20230101PT5M000

                """);
    }

    @Test
    void json_isOnePrettyArrayOfNestedRecords() throws IOException {
        String json = print(OutputFormat.json);

        assertThat(json).startsWith("[ {");
        assertThat(JSON.readTree(json)).isEqualTo(JSON.valueToTree(records()));
    }

    @Test
    void csv_flattensColumnsAndQuotesWhereNeeded() {
        assertThat(print(OutputFormat.csv)).isEqualTo("""
                placement.account,placement.stage,name,earliestGap,latest
                123456789012,dev,copy,1234567,
                210987654321,,"a, ""quoted""\tname",0,20230101PT5M000
                """);
    }

    @Test
    void tsv_replacesTabsInValues() {
        assertThat(print(OutputFormat.tsv)).isEqualTo(
                "placement.account\tplacement.stage\tname\tearliestGap\tlatest\n"
                        + "123456789012\tdev\tcopy\t1234567\t\n"
                        + "210987654321\t\ta, \"quoted\" name\t0\t20230101PT5M000\n");
    }
}
