package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.output.Printer;
import io.clusterless.lot.LotId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls show lot LOT…}: what a lot id means, so nobody decodes {@code 20230227PT5M009} by hand. */
@Command(name = "lot",
        description = {"Show the interval a lot id stands for. A lot id is the UTC date (yyyyMMdd), the interval "
                + "length as an ISO-8601 duration (PT5M Twelfths, PT10M Sixths, PT15M Fourths), and the interval's "
                + "ordinal within that day, from 000: 20230227PT5M009 is 00:45 to 00:50 UTC on 2023-02-27.", ""},
        footer = {"", "Example:", "  cls show lot 20230227PT5M009 --output json",
                "", "Exit codes: 0 shown, 1 not a lot id."},
        mixinStandardHelpOptions = true)
public final class ShowLotCommand implements Callable<Integer> {
    @ParentCommand
    private ShowCommand show;

    @Parameters(paramLabel = "LOT", arity = "1..*", description = "Lot ids, e.g. 20230227PT5M009.")
    private List<String> lots;

    @Override
    public Integer call() {
        List<ObjectNode> rows = new ArrayList<>();
        for (String text : lots) {
            LotId lot;
            try {
                lot = LotId.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            ObjectNode row = Printer.record();
            row.put("lot", lot.format());
            row.put("unit", lot.unit().displayName());
            row.put("start", lot.start().toString());
            row.put("end", lot.end().toString());
            row.put("previous", lot.previous().format());
            row.put("next", lot.next().format());
            rows.add(row);
        }
        new Printer(show.context.out(), show.context.output()).print(rows);
        return ExitCodes.OK;
    }
}
