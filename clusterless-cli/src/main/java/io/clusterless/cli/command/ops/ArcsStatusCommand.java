package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.options.WideOption;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.LotRuns;
import io.clusterless.engine.exec.Backfill;
import io.clusterless.engine.exec.BackfillLot;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.ArcLots;
import io.clusterless.engine.status.CoveredLots;
import io.clusterless.engine.status.StatusSummary;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** {@code cls arcs status}: each arc's lots by arc state in a window, as a summary or one row per lot (§2.7). */
@Command(name = "status",
        description = "Arc states in a time window: a summary per arc (counts per state, first and last lot found, "
                + "gaps at the edges) or, with --list, one row per lot. Project name and version are columns, so "
                + "two versions of one project are told apart. A join's lots that wait for a source, and a "
                + "roll-up's that wait for some of the source lots they cover, are counted as waiting (rows with "
                + "arcState waiting and waitingFor with --list). Without project files or --deployed: every project "
                + "deployed in the placement that --stage, --account and --region leave.",
        mixinStandardHelpOptions = true)
public final class ArcsStatusCommand implements Callable<Integer> {
    private final CliContext context;

    public ArcsStatusCommand(CliContext context) {
        this.context = context;
    }

    static final List<String> STATES = List.of(ArcState.running.name(), ArcState.partial.name(),
            ArcState.missing.name(), ArcState.complete.name());

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private WideOption wide;

    @Mixin
    private TimeWindowOptions time;

    @Option(names = "--name", paramLabel = "ARC", description = "Only this arc (repeatable).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--list", description = "One row per lot found, instead of a summary per arc.")
    private boolean list;

    @Option(names = "--runs", description = "With --list, each lot's newest run from its history: attempts, "
            + "started, durationSeconds, error, and workloadMetrics (what the workload measured, e.g. "
            + "athenaScannedBytes on AWS, duckdbBytesRead locally). Reads one state object per lot.")
    private boolean runs;

    @Option(names = "--strip", description = "One character per lot over the window for each arc (a legend "
            + "explains them; a partial run is shown failed), fitting the terminal's width (COLUMNS); with --output "
            + "json|csv|tsv a strip field of one character per lot.")
    private boolean strip;


    @Override
    public Integer call() {
        if (runs && !list) {
            throw new UserException("--runs adds the newest run's columns to the rows of --list; add --list");
        }
        OperatedPlacement placement = OperatedPlacement.loadOrEveryDeployed(context, project, substrate);
        Clock clock = Clock.systemUTC();
        Optional<Instant> firstPlaced = placement.firstPlaced();
        List<Object> rows = new ArrayList<>();
        LotStrip.Collected strips = new LotStrip.Collected();
        int matched = 0;
        for (ProjectPlan projectPlan : placement.plan().projects()) {
            for (ArcPlan arc : projectPlan.arcs()) {
                if (!names.isEmpty() && !names.contains(arc.name())) {
                    continue;
                }
                matched++;
                LotUnit unit = time.givenUnit().or(() -> placement.arcUnit(arc)).orElse(LotUnit.TWELFTHS);
                // a window given in lot ids of another unit covers the same time in the arc's own lots (a roll-up's)
                LotRange given = time.window(unit, clock, firstPlaced);
                LotRange window = placement.arcUnit(arc).map(own -> CoveredLots.rescale(given, own)).orElse(given);
                SortedMap<LotId, ArcState> states = ArcLots.scan(placement.store(), arc.gateProps().arcStateURI(),
                        window);
                // a join's lots that some sources hold and others not yet (ADR-0011), a roll-up's that hold some of
                // the source lots they cover (ADR-0012); they have no arc state
                List<BackfillLot> waiting = Backfill.waiting(placement.plan(), placement.store(), projectPlan, arc, window, false).stream()
                        .filter(lot -> lot.arcState() == null).toList();
                if (strip) {
                    ObjectNode row = head(placement, projectPlan, arc);
                    row.put("strip", strips.add(window, OperatedPlacement.projectId(projectPlan) + " " + arc.name(),
                            states, state -> state == ArcState.partial ? "failed" : state.name()));
                    rows.add(row);
                } else if (list) {
                    ArcStateStore history = runs ? new ArcStateStore(placement.store(),
                            arc.gateProps().arcStateURI(), clock) : null;
                    states.forEach((lot, state) -> {
                        ObjectNode row = head(placement, projectPlan, arc);
                        row.put("lotId", lot.format());
                        row.put("arcState", state.name());
                        if (history != null) {
                            runs(row, LotRuns.of(lot.format(), state, history.history(lot.format())));
                        }
                        rows.add(row);
                    });
                    waiting.forEach(lot -> {
                        ObjectNode row = head(placement, projectPlan, arc);
                        row.put("lotId", lot.lot());
                        row.put("arcState", "waiting");
                        lot.waitingFor().forEach(row.withArray("waitingFor")::add);
                        rows.add(row);
                    });
                } else {
                    ObjectNode row = head(placement, projectPlan, arc);
                    StatusRows.summary(row, StatusSummary.of(window, states, STATES, ArcState::name));
                    if (arc.gateProps().joins() || arc.gateProps().rollsUp()) {
                        row.put("waiting", waiting.size());
                    }
                    rows.add(row);
                }
            }
        }
        if (!names.isEmpty() && matched == 0) {
            throw new UserException("no arc named " + String.join(", ", names) + " in " + placement.origin());
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

    /** The newest run's columns of a --list --runs row. */
    private static void runs(ObjectNode row, LotRuns lot) {
        row.put("attempts", lot.attempts());
        row.put("started", lot.started() == null ? null : lot.started().toString());
        row.put("durationSeconds", lot.duration() == null ? null : lot.duration().toMillis() / 1000.0);
        row.put("error", lot.error());
        ObjectNode metrics = row.putObject("workloadMetrics");
        lot.workloadMetrics().forEach(metrics::put);
    }

    private static ObjectNode head(OperatedPlacement placement, ProjectPlan project, ArcPlan arc) {
        ObjectNode row = StatusRows.row(placement.plan().placement());
        row.putObject("project").put("name", project.names().project()).put("version", project.names().version());
        row.put("name", arc.name());
        return row;
    }
}
