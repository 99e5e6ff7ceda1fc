package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.arc.ArcStateConflictException;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.exec.Backfill;
import io.clusterless.engine.exec.BackfillLot;
import io.clusterless.engine.exec.DryRunRows;
import io.clusterless.engine.exec.Replay;
import io.clusterless.engine.ops.ExecOutcome;
import io.clusterless.engine.ops.ExecRequest;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.load.ProjectSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code cls exec}: backfill. Runs an arc for every lot of a window (or one lot) whose subscribed upstream lots have
 * a final manifest and whose arc state is not {@code complete}: lots that were never delivered (missing data filled
 * later, a disabled listener), that failed, or whose run died. Locally through the local runner's gates; on AWS as
 * executions of the arc's deployed state machine.
 */
@Command(name = "exec",
        description = {"Run an arc for the lots of a window that have a complete (or empty) upstream manifest and no "
                + "complete arc state: lots never run, skipped while disabled, failed, or left running by a dead "
                + "run. With -P local through the same gates as cls local run (downstream arcs run too); on AWS "
                + "as executions of the arc's state machine, named for arc, lot and attempt so a retried exec "
                + "starts nothing twice.",
                "--replay runs complete lots again too: each one's sink manifests are kept as superseded attempts "
                        + "(state=complete/attempt=<run>/manifest.json), its arc state is reopened (complete -> "
                        + "missing, recorded in its history), and the new run writes the current manifests and "
                        + "notifies downstream arcs. Downstream lots that are complete are not re-run by that "
                        + "event; replay them with their own cls exec --replay, or add --downstream, which reopens "
                        + "the roll-up lots that consumed a replayed lot (ADR-0012) so they run again with its new "
                        + "output.",
                "--dry-run lists what would run and why, and the lots of a join that would still wait for a "
                        + "source."},
        mixinStandardHelpOptions = true)
public final class ExecCommand implements Callable<Integer> {
    private final CliContext context;

    public ExecCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @Option(names = "--arc", required = true, paramLabel = "ARC", description = "The arc to run.")
    private String arcName;

    @ArgGroup(exclusive = true)
    private Lots lots;

    static final class Lots {
        @Option(names = "--lot", paramLabel = "LOT", description = "Only this lot, e.g. 20230101PT5M000.")
        String lot;

        @ArgGroup(exclusive = false)
        TimeWindowOptions window;
    }

    @Option(names = "--replay", description = "Also re-run complete lots, keeping their earlier sink manifests as "
            + "superseded attempts.")
    private boolean replay;

    @Option(names = "--dry-run", description = "List the lots that would run, and why, and a join's lots that would "
            + "still wait (waitingFor); run nothing.")
    private boolean dryRun;

    @Option(names = "--downstream", description = "With --replay: also reopen each complete roll-up lot that covers "
            + "a replayed lot, so it runs again with the replayed output (never done without this option).")
    private boolean downstream;

    @Option(names = "--max-concurrent", paramLabel = "N", defaultValue = "10",
            description = "Runs (executions on AWS) at once (default: ${DEFAULT-VALUE}).")
    private int maxConcurrent;

    @Spec
    private CommandSpec spec;

    /** A lot to run, with the project and arc (of that name) it belongs to. */
    private record Selected(BackfillLot lot, ProjectPlan project, ArcPlan arc) {
    }

    /** The lots --replay reopened, by project id and lot. */
    private final Map<String, Replay.Reopened> reopened = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (maxConcurrent < 1) {
            throw new ParameterException(spec.commandLine(), "--max-concurrent must be at least 1, found: "
                    + maxConcurrent);
        }
        if (downstream && !replay) {
            throw new ParameterException(spec.commandLine(), "--downstream reopens the roll-up lots that consumed "
                    + "replayed lots; add --replay");
        }
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        Clock clock = Clock.systemUTC();
        List<Selected> selected = new ArrayList<>();
        List<BackfillLot> waiting = new ArrayList<>(); // a join's lots some sources do not hold yet (ADR-0011)
        boolean found = false;
        for (ProjectPlan projectPlan : placement.plan().projects()) {
            for (ArcPlan arc : projectPlan.arcs()) {
                if (!arc.name().equals(arcName)) {
                    continue;
                }
                found = true;
                List<BackfillLot> fillable;
                try {
                    fillable = Backfill.select(placement.plan(), placement.store(), projectPlan, arc,
                            window(placement, arc, clock), replay, clock.instant());
                } catch (IllegalArgumentException e) {
                    throw new UserException("arc " + arcName + " of " + OperatedPlacement.projectId(projectPlan)
                            + ": " + e.getMessage());
                }
                fillable.forEach(lot -> selected.add(new Selected(lot, projectPlan, arc)));
                if (dryRun) {
                    waiting.addAll(Backfill.waiting(placement.plan(), placement.store(), projectPlan, arc,
                            window(placement, arc, clock), replay));
                }
            }
        }
        if (!found) {
            throw new UserException("no arc named " + arcName + " in the project files; cls show lists them");
        }
        Printer printer = new Printer(context.out(), context.output());
        if (dryRun) {
            List<ObjectNode> planned = new ArrayList<>(selected.stream().map(one -> DryRunRows.row(one.lot(),
                    one.arc(), placement.plan(), placement.store(), projectDir())).toList());
            waiting.forEach(lot -> planned.add(Json.records().valueToTree(lot)));
            printer.print(planned);
            return ExitCodes.OK;
        }
        List<ExecRequest.Lot> lots = selected.stream().map(one -> new ExecRequest.Lot(one.lot(), one.project(),
                one.arc())).toList();
        // found before anything is reopened: the replays' own announcements then find the roll-up lots open; in the
        // order of the lots, so the roll-ups are reported in the order they are reopened
        Map<ExecRequest.Lot, List<ExecRequest.RollUp>> covering = new LinkedHashMap<>();
        if (downstream) {
            lots.forEach(one -> covering.put(one, downstream(placement, List.of(new Selected(one.lot(), one.project(),
                    one.arc())))));
        }
        List<ExecRequest.RollUp> rollUps = covering.values().stream().flatMap(List::stream).distinct().toList();
        Set<ExecRequest.RollUp> reopenedRollUps = new HashSet<>();
        List<ObjectNode> rows = new ArrayList<>();
        ExecRequest request = new ExecRequest(placement.plan(), placement.store(), lots, maxConcurrent, projectDir(),
                one -> {
                    // a replayed lot's roll-ups are reopened with it, just before it runs
                    for (ExecRequest.RollUp rollUp : covering.getOrDefault(one, List.of())) {
                        if (reopenedRollUps.add(rollUp)) {
                            reopenDownstream(placement, rollUp, clock);
                        }
                    }
                    return reopen(placement, one.arc(), one.lot(), clock);
                }, clock, rollUps);
        for (ExecOutcome outcome : placement.operations().exec(request)) {
            ObjectNode row = row(outcome.project(), outcome.arc() == null ? arcName : outcome.arc(), outcome.lot(),
                    outcome.outcome(), outcome.execution());
            if (outcome.detail() != null) {
                row.put("detail", outcome.detail());
            }
            rows.add(row);
        }
        for (ObjectNode row : rows) {
            Replay.Reopened lot = reopened.get(row.path("project").path("name").asText() + "/"
                    + row.path("project").path("version").asText() + "/" + row.path("lot").asText());
            if (lot != null && lot.reopened()) {
                row.put("replayed", lot.completedBy());
                lot.superseded().forEach(row.withArray("superseded")::add);
            }
        }
        printer.print(rows);
        boolean allWell = rows.stream().map(row -> row.path("outcome").asText()).allMatch(outcome ->
                outcome.equals("complete") || outcome.startsWith("already") || outcome.equals("started")
                        || outcome.equals(ExecOutcome.REOPENED)); // a roll-up lot its replay's announcement starts
        return allWell ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * Reopens a selected lot that is complete (only --replay selects those) just before it runs: its manifests are
     * kept as superseded attempts and its arc state moves to missing, so a lot is never left reopened by a run that
     * did not start, except the one whose start failed, which the error names.
     */
    private boolean reopen(OperatedPlacement placement, ArcPlan arc, BackfillLot lot, Clock clock) {
        if (!ArcState.complete.name().equals(lot.arcState())) {
            return false;
        }
        try {
            reopened.put(lot.project() + "/" + lot.lot(), Replay.reopen(placement.store(), arc.gateProps(), lot.lot(),
                    clock, "cls exec --replay at " + clock.instant()));
        } catch (ArcStateConflictException e) {
            throw new UserException("arc " + arcName + " lot " + lot.lot() + ": " + e.getMessage());
        }
        return true;
    }

    private LotRange window(OperatedPlacement placement, ArcPlan arc, Clock clock) {
        if (lots != null && lots.lot != null) {
            LotId lot;
            try {
                lot = LotId.parse(lots.lot);
            } catch (IllegalArgumentException e) {
                throw new UserException("--lot " + lots.lot + " is not a lot id (e.g. 20230101PT5M000): "
                        + e.getMessage());
            }
            return new LotRange(lot, lot.next());
        }
        TimeWindowOptions time = lots == null || lots.window == null ? new TimeWindowOptions() : lots.window;
        if (time.earliest == null) {
            time.earliest = "12h";
        }
        LotUnit unit = time.givenUnit().or(() -> placement.arcUnit(arc)).orElse(LotUnit.TWELFTHS);
        return time.window(unit, clock);
    }

    /**
     * Each complete lot of a roll-up subscribed to a sink of a replayed arc that covers a replayed lot; found before
     * anything is reopened, since the replays' own announcements then find the roll-up lots open.
     */
    private List<ExecRequest.RollUp> downstream(OperatedPlacement placement, List<Selected> selected) {
        Map<String, ExecRequest.RollUp> found = new LinkedHashMap<>();
        for (Selected one : selected) {
            if (!ArcState.complete.name().equals(one.lot().arcState())) {
                continue; // only a replay changes output a roll-up already consumed
            }
            for (ProjectPlan projectPlan : placement.plan().projects()) {
                for (ArcPlan rollUp : projectPlan.arcs()) {
                    if (!rollUp.gateProps().rollsUp() || rollUp.model().getSources().entrySet().stream().noneMatch(
                            source -> rollUp.gateProps().barrier().containsKey(source.getKey())
                                    && one.arc().model().getSinks().values().stream()
                                    .anyMatch(sink -> sink.id().equals(source.getValue().id())))) {
                        continue;
                    }
                    String lot = LotId.of(rollUp.gateProps().rollUp().lotUnit(), LotId.parse(one.lot().lot()).start())
                            .format();
                    Optional<ArcState> state = new ArcStateStore(placement.store(), rollUp.gateProps().arcStateURI(),
                            Clock.systemUTC()).state(lot);
                    if (state.filter(s -> s == ArcState.complete).isPresent()) {
                        found.putIfAbsent(OperatedPlacement.projectId(projectPlan) + " " + rollUp.name() + " " + lot,
                                new ExecRequest.RollUp(projectPlan, rollUp, lot));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private void reopenDownstream(OperatedPlacement placement, ExecRequest.RollUp lot, Clock clock) {
        try {
            Replay.reopen(placement.store(), lot.arc().gateProps(), lot.lot(), clock, "cls exec --replay "
                    + "--downstream of arc " + arcName + " at " + clock.instant());
        } catch (ArcStateConflictException e) {
            throw new UserException("arc " + lot.arc().name() + " lot " + lot.lot() + ": " + e.getMessage());
        }
    }

    private ObjectNode row(ProjectPlan projectPlan, String lot, String outcome, String execution) {
        return row(projectPlan, arcName, lot, outcome, execution);
    }

    private static ObjectNode row(ProjectPlan projectPlan, String arc, String lot, String outcome, String execution) {
        ObjectNode row = Json.records().createObjectNode();
        row.putObject("project").put("name", projectPlan.names().project())
                .put("version", projectPlan.names().version());
        row.put("arc", arc);
        row.put("lot", lot);
        row.put("outcome", outcome);
        if (execution != null) {
            row.put("execution", execution);
        }
        return row;
    }

    private Path projectDir() {
        for (ProjectSource source : project.sources()) {
            if (source.path() != null) {
                Path parent = source.path().toAbsolutePath().getParent();
                return parent == null ? Path.of("").toAbsolutePath() : parent;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
