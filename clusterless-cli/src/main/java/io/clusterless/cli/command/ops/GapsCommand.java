package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.options.WideOption;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.status.DeadLetters;
import io.clusterless.engine.status.Gap;
import io.clusterless.engine.status.GapFinder;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cls gaps}: every lot of the window that an arc or a dataset has not completed, with its cause found by
 * walking upstream ({@link GapFinder}).
 */
@Command(name = "gaps",
        description = {"Every lot in the window that is not complete, for each arc and dataset (or the one named), "
                + "with its cause found by walking upstream: noUpstreamData, upstreamEmpty, upstreamMissing (naming "
                + "the upstream lot), neverRan, failed (with the recorded error), running (since when, stale or "
                + "not), disabled, lateArrivals, deadLettered (an event for the lot waits in a dead-letter queue), "
                + "waiting (a join's lot that some sources hold and others not yet; waitingFor names them).",
                "cls exec runs the lots whose cause is neverRan, disabled, failed or a stale run.",
                "The projects are project files (FILE or -p FILE) or deployed projects (--deployed), read back from their "
                        + "placement's metadata bucket as cls deploy recorded them."},
        footer = {"", "Examples:",
                "  cls gaps examples/copy-chain/project.json --earliest 1d",
                "  cls gaps --deployed CopyChain:20230101-00 --stage dev --arc copyB --earliest 7d",
                "  cls gaps --deployed CopyChain -P local --output json"},
        mixinStandardHelpOptions = true)
public final class GapsCommand implements Callable<Integer> {
    private final CliContext context;

    public GapsCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private OperatedProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Mixin
    private WideOption wide;

    @Mixin
    private TimeWindowOptions time;

    @ArgGroup(exclusive = true)
    private Subject subject;

    static final class Subject {
        @Option(names = "--arc", paramLabel = "ARC", description = "Only this arc.")
        String arc;

        @Option(names = "--dataset", paramLabel = "DATASET", description = "Only this dataset (name or name/version).")
        String dataset;
    }

    @Option(names = "--fail", description = "Exit 1 when any gap is reported: a CI gate that data is complete.")
    private boolean fail;


    @Override
    public Integer call() {
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        Clock clock = Clock.systemUTC();
        String arcName = subject == null ? null : subject.arc;
        String datasetName = subject == null ? null : subject.dataset;
        LotUnit unit = time.givenUnit().or(() -> unitOf(placement, arcName, datasetName)).orElse(LotUnit.TWELFTHS);
        LotRange window = time.window(unit, clock, placement.firstPlaced());
        ListenerSwitches switches = new ListenerSwitches(placement.store(),
                placement.plan().placement().metadataBucket(), clock);
        // on AWS the stacks' dead-letter queues are peeked for lots whose events failed (ADR-0010); locally none
        DeadLetters deadLetters = placement.operations().deadLetters(placement.plan().placement());
        GapFinder finder = new GapFinder(placement.plan(), placement.store(), switches, clock, window, deadLetters);
        List<Gap> gaps = new ArrayList<>();
        boolean matched = false;
        if (datasetName == null) {
            for (ProjectPlan projectPlan : placement.plan().projects()) {
                for (ArcPlan arc : projectPlan.arcs()) {
                    if (arcName == null || arcName.equals(arc.name())) {
                        matched = true;
                        gaps.addAll(finder.arcGaps(projectPlan, arc));
                    }
                }
            }
        }
        if (arcName == null) {
            for (Map.Entry<String, ProjectPlan> dataset : placement.datasets().entrySet()) {
                String id = dataset.getKey();
                if (datasetName == null || OperatedPlacement.datasetNamed(datasetName, id)) {
                    matched = true;
                    gaps.addAll(finder.datasetGaps(id));
                }
            }
        }
        if (!matched) {
            throw new UserException(arcName != null ? "no arc named " + arcName + " in " + placement.origin()
                    : "no dataset named " + datasetName + " written by " + placement.origin());
        }
        new Printer(context.out(), context.output()).fitting(context.tableWidth(wide.wide))
                .print(gaps);
        return fail && !gaps.isEmpty() ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    private static java.util.Optional<LotUnit> unitOf(OperatedPlacement placement, String arcName, String dataset) {
        for (ProjectPlan projectPlan : placement.plan().projects()) {
            for (ArcPlan arc : projectPlan.arcs()) {
                if (arcName == null || arcName.equals(arc.name())) {
                    java.util.Optional<LotUnit> unit = placement.arcUnit(arc);
                    if (unit.isPresent()) {
                        return unit;
                    }
                }
            }
        }
        for (String id : placement.datasets().keySet()) {
            if (dataset == null || OperatedPlacement.datasetNamed(dataset, id)) {
                java.util.Optional<LotUnit> unit = placement.datasetUnit(id);
                if (unit.isPresent()) {
                    return unit;
                }
            }
        }
        return java.util.Optional.empty();
    }
}
