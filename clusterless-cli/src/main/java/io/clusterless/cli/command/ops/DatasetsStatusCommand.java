package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.options.WideOption;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.status.DatasetFreshness;
import io.clusterless.engine.status.DatasetLot;
import io.clusterless.engine.status.DatasetLots;
import io.clusterless.engine.status.PlacementFreshness;
import io.clusterless.engine.status.StatusSummary;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** {@code cls datasets status}: each dataset's lots by manifest state in a window, summary or list (§2.7). */
@Command(name = "status",
        description = "Manifest states in a time window: a summary per dataset (counts per state, first and last "
                + "lot found, gaps at the edges, and the freshness level of a dataset with targets, as cls "
                + "freshness judges it) or, with --list, one row per lot. Without project files or --deployed: every "
                + "project deployed in the placement that --stage, --account and --region leave.",
        mixinStandardHelpOptions = true)
public final class DatasetsStatusCommand implements Callable<Integer> {
    private final CliContext context;

    public DatasetsStatusCommand(CliContext context) {
        this.context = context;
    }

    static final List<String> STATES = List.of(ManifestState.removed.name(), ManifestState.partial.name(),
            ManifestState.empty.name(), ManifestState.complete.name());

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private WideOption wide;

    @Mixin
    private TimeWindowOptions time;

    @Option(names = "--name", paramLabel = "DATASET",
            description = "Only this dataset, by name or name/version (repeatable).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--list", description = "One row per lot found, instead of a summary per dataset.")
    private boolean list;

    @Option(names = "--strip", description = "One character per lot over the window for each dataset (a legend "
            + "explains them), fitting the terminal's width (COLUMNS); with --output json|csv|tsv a strip field of "
            + "one character per lot.")
    private boolean strip;


    @Override
    public Integer call() {
        OperatedPlacement placement = OperatedPlacement.loadOrEveryDeployed(context, project, substrate);
        Clock clock = Clock.systemUTC();
        Optional<Instant> firstPlaced = placement.firstPlaced();
        List<Object> rows = new ArrayList<>();
        LotStrip.Collected strips = new LotStrip.Collected();
        Map<String, SinkDataset> targeted = PlacementFreshness.targeted(placement.plan());
        int matched = 0;
        for (String id : placement.datasets().keySet()) {
            if (!names.isEmpty() && names.stream().noneMatch(wanted -> OperatedPlacement.datasetNamed(wanted, id))) {
                continue;
            }
            matched++;
            LotUnit unit = time.givenUnit().or(() -> placement.datasetUnit(id)).orElse(LotUnit.TWELFTHS);
            LotRange window = time.window(unit, clock, firstPlaced);
            ManifestURI dataset = ManifestURI.ofDatasetId(placement.plan().placement().manifestBucket(), id);
            SortedMap<LotId, DatasetLot> lots = DatasetLots.scan(placement.store(), dataset, window);
            if (strip) {
                ObjectNode row = head(placement, dataset);
                row.put("strip", strips.add(window, id, lots, found -> found.state().name()));
                rows.add(row);
            } else if (list) {
                lots.forEach((lot, found) -> {
                    ObjectNode row = head(placement, dataset);
                    row.put("lotId", lot.format());
                    row.put("manifestState", found.state().name());
                    if (found.lateArrivals() > 0) {
                        row.put("lateArrivals", found.lateArrivals());
                    }
                    if (found.supersededAttempts() > 0) {
                        row.put("supersededAttempts", found.supersededAttempts());
                    }
                    rows.add(row);
                });
            } else {
                ObjectNode row = head(placement, dataset);
                StatusRows.summary(row, StatusSummary.of(window, lots, STATES, found -> found.state().name()));
                SinkDataset declared = targeted.get(id);
                if (declared != null) {
                    // judged over its own look-back, not the window: freshness is about now
                    row.put("freshness", DatasetFreshness.check(placement.store(), dataset, unit,
                            declared.getFreshness(), clock.instant()).level().name());
                }
                rows.add(row);
            }
        }
        if (!names.isEmpty() && matched == 0) {
            throw new UserException("no dataset named " + String.join(", ", names) + " in " + placement.origin());
        }
        if (strip && context.output() == OutputFormat.table) {
            strips.print(context.out(), LotStrip.columns(context.environment()));
            return ExitCodes.OK;
        }
        new Printer(context.out(), context.output()).fitting(context.tableWidth(wide.wide),
                StatusRows.KEPT)
                .print(rows);
        return ExitCodes.OK;
    }

    private static ObjectNode head(OperatedPlacement placement, ManifestURI dataset) {
        ObjectNode row = StatusRows.row(placement.plan().placement());
        row.putObject("dataset").put("name", dataset.datasetName()).put("version", dataset.datasetVersion());
        return row;
    }
}
