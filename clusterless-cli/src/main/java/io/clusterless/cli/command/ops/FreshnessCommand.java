package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.WideOption;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.status.DatasetFreshness;
import io.clusterless.engine.status.FreshnessLevel;
import io.clusterless.engine.status.PlacementFreshness;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls freshness}: each dataset with freshness targets, its newest complete lot, that lot's age and level. */
@Command(name = "freshness",
        description = {"Each dataset that declares freshness targets (\"freshness\": {\"warnAfter\": \"PT30M\", "
                + "\"errorAfter\": \"PT2H\"} on a boundary's dataset or an arc's sink): its newest complete lot, "
                + "how old that lot's data is (now minus the end of its interval) and the level: ok, warn (older "
                + "than warnAfter) or error (older than errorAfter, or no complete lot in the look-back).",
                "Empty lots do not count as fresh data. The projects are project files (FILE or -p FILE) or deployed "
                        + "projects (--deployed)."},
        footer = {"", "Examples:",
                "  cls freshness examples/copy-chain/project.json -P local",
                "  cls freshness --deployed CopyChain --stage dev --fail",
                "  cls freshness --deployed CopyChain -P local --output json"},
        mixinStandardHelpOptions = true)
public final class FreshnessCommand implements Callable<Integer> {
    private final CliContext context;

    public FreshnessCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private WideOption wide;

    @Option(names = "--fail", description = "Exit 1 when any dataset is at level error: a CI or cron gate.")
    private boolean fail;

    @Option(names = "--name", paramLabel = "DATASET",
            description = "Only this dataset, by name or name/version (repeatable).")
    private List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        if (PlacementFreshness.targeted(placement.plan()).isEmpty()) {
            throw new UserException("no dataset of " + placement.origin() + " declares freshness targets; add "
                    + "\"freshness\": {\"warnAfter\": \"PT30M\", \"errorAfter\": \"PT2H\"} to a boundary's dataset "
                    + "or an arc's sink");
        }
        List<Object> rows = new ArrayList<>();
        boolean error = false;
        int matched = 0;
        for (DatasetFreshness judged : PlacementFreshness.check(placement.plan(), placement.store(), Instant.now())) {
            String id = judged.dataset().datasetName() + "/" + judged.dataset().datasetVersion();
            if (!names.isEmpty() && names.stream().noneMatch(wanted -> OperatedPlacement.datasetNamed(wanted, id))) {
                continue;
            }
            matched++;
            error |= judged.level() == FreshnessLevel.error;
            rows.add(row(placement, judged));
        }
        if (!names.isEmpty() && matched == 0) {
            throw new UserException("no dataset with freshness targets named " + String.join(", ", names) + " in "
                    + placement.origin());
        }
        new Printer(context.out(), context.output()).fitting(context.tableWidth(wide.wide))
                .print(rows);
        return fail && error ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    static ObjectNode row(OperatedPlacement placement, DatasetFreshness judged) {
        ObjectNode row = StatusRows.row(placement.plan().placement());
        row.putObject("dataset").put("name", judged.dataset().datasetName())
                .put("version", judged.dataset().datasetVersion());
        row.put("lastComplete", judged.lastComplete().map(lot -> lot.format()).orElse(null));
        row.put("age", judged.age().map(FreshnessCommand::age)
                .orElse("none in " + age(judged.lookBack())));
        row.put("ageSeconds", judged.age().map(Duration::toSeconds).orElse(null));
        row.put("warnAfter", judged.targets().getWarnAfter());
        row.put("errorAfter", judged.targets().getErrorAfter());
        row.put("level", judged.level().name());
        return row;
    }

    /** {@code 2h05m}, {@code 45m}, {@code 3d04h}: short enough for a table column. */
    static String age(Duration age) {
        long minutes = age.toMinutes();
        if (minutes < 60) {
            return minutes + "m";
        }
        if (minutes < 24 * 60) {
            return String.format("%dh%02dm", minutes / 60, minutes % 60);
        }
        return String.format("%dd%02dh", minutes / (24 * 60), (minutes / 60) % 24);
    }
}
