package io.clusterless.cli.command.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arcstate.ArcState;
import io.clusterless.cli.ClsCommand;
import io.clusterless.cli.ExitCodes;
import io.clusterless.cli.ProjectOptions;
import io.clusterless.cli.SubstrateOptions;
import io.clusterless.cli.UserException;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.arc.ArcStateConflictException;
import io.clusterless.engine.arc.ArcStateEntry;
import io.clusterless.engine.arc.ArcStateStore;
import io.clusterless.engine.arc.ScheduleTick;
import io.clusterless.engine.exec.Backfill;
import io.clusterless.engine.exec.BackfillLot;
import io.clusterless.engine.exec.DryRunRows;
import io.clusterless.engine.exec.Replay;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.run.LocalRunner;
import io.clusterless.local.run.RunOptions;
import io.clusterless.lot.LotId;
import io.clusterless.lot.LotRange;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.runtime.aws.AwsClients;
import io.clusterless.runtime.aws.AwsJsonException;
import io.clusterless.runtime.aws.StepFunctionsExecutions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                        + "event; replay them with their own cls exec --replay.",
                "--dry-run lists what would run and why, and the lots of a join that would still wait for a "
                        + "source."},
        mixinStandardHelpOptions = true)
public final class ExecCommand implements Callable<Integer> {
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
        ClsCommand root = OperatedPlacement.root(spec);
        OperatedPlacement placement = OperatedPlacement.load(root, project, substrate);
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
        Printer printer = new Printer(root.context().out(), root.context().output());
        if (dryRun) {
            List<ObjectNode> planned = new ArrayList<>(selected.stream().map(one -> DryRunRows.row(one.lot(),
                    one.arc(), placement.plan(), placement.store(), projectDir())).toList());
            waiting.forEach(lot -> planned.add(Json.records().valueToTree(lot)));
            printer.print(planned);
            return ExitCodes.OK;
        }
        List<ObjectNode> rows = substrate.isLocal() ? runLocally(root, placement, selected, clock)
                : startExecutions(root, placement, selected, clock);
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
                outcome.equals("complete") || outcome.startsWith("already") || outcome.equals("started"));
        return allWell ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * Reopens a selected lot that is complete (only --replay selects those) just before it runs: its manifests are
     * kept as superseded attempts and its arc state moves to missing, so a lot is never left reopened by a run that
     * did not start, except the one whose start failed, which the error names.
     */
    private void reopen(OperatedPlacement placement, ArcPlan arc, BackfillLot lot, Clock clock) {
        if (!ArcState.complete.name().equals(lot.arcState())) {
            return;
        }
        try {
            reopened.put(lot.project() + "/" + lot.lot(), Replay.reopen(placement.store(), arc.gateProps(), lot.lot(),
                    clock, "cls exec --replay at " + clock.instant()));
        } catch (ArcStateConflictException e) {
            throw new UserException("arc " + arcName + " lot " + lot.lot() + ": " + e.getMessage());
        }
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

    private List<ObjectNode> runLocally(ClsCommand root, OperatedPlacement placement, List<Selected> selected,
                                        Clock clock) throws Exception {
        List<ObjectNode> rows = new ArrayList<>();
        if (selected.isEmpty()) {
            return rows;
        }
        LocalPlan plan = LocalPlan.of(placement.plan().projects().stream().map(ProjectPlan::deployable).toList());
        RunOptions options = new RunOptions(substrate.localRoot(root.context()), projectDir(), true, maxConcurrent,
                null);
        LocalRunner runner;
        try {
            runner = new LocalRunner(plan, options, clock);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        try (runner) {
            // the runner holds the local root now: no other cls local run can miss the reopened lots
            selected.forEach(one -> reopen(placement, one.arc(), one.lot(), clock));
            Map<ProjectPlan, List<ArcNotifyEvent>> byProject = new LinkedHashMap<>();
            selected.forEach(one -> byProject.computeIfAbsent(one.project(), p -> new ArrayList<>())
                    .add(one.lot().event()));
            for (Map.Entry<ProjectPlan, List<ArcNotifyEvent>> entry : byProject.entrySet()) {
                Map<String, String> outcomes = runner.exec(entry.getKey().names(), arcName, entry.getValue());
                outcomes.forEach((lot, outcome) -> rows.add(row(entry.getKey(), lot, outcome, null)));
            }
        }
        return rows;
    }

    private List<ObjectNode> startExecutions(ClsCommand root, OperatedPlacement placement, List<Selected> selected,
                                             Clock clock) throws InterruptedException {
        AwsClients clients = substrate.aws().clients(root.context().environment(),
                placement.plan().placement().region());
        StepFunctionsExecutions executions = new StepFunctionsExecutions(clients);
        List<ObjectNode> rows = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (Selected one : selected) {
            BackfillLot lot = one.lot();
            ProjectPlan projectPlan = one.project();
            ArcPlan arc = one.arc();
            while (running.size() >= maxConcurrent) {
                running.removeIf(arn -> !"RUNNING".equals(executions.status(arn)));
                if (running.size() >= maxConcurrent) {
                    Thread.sleep(2000); // Step Functions has no wait call; executions of an arc take seconds
                }
            }
            String arn = executions.stateMachineArn(placement.plan().placement().account(), arc.stateMachineName());
            reopen(placement, arc, lot, clock);
            String name = executionName(arc, lot, placement, clock);
            try {
                // a scheduled arc's lot starts as the tick at its end would start it (ADR-0013)
                String execution = executions.start(arn, name, arc.schedule().isPresent()
                        ? tickEnvelope(LotId.parse(lot.lot())) : envelope(lot.event()));
                running.add(execution);
                rows.add(row(projectPlan, lot.lot(), "started", execution));
            } catch (AwsJsonException e) {
                if (!"ExecutionAlreadyExists".equals(e.code())) {
                    throw new UserException("arc " + arcName + " lot " + lot.lot() + ": cannot start an execution of "
                            + arn + ": " + e.getMessage() + (reopened.containsKey(lot.project() + "/" + lot.lot())
                            ? "; the lot was reopened for replay and is now missing: cls exec --arc " + arcName
                            + " --lot " + lot.lot() + " runs it" : ""));
                }
                rows.add(row(projectPlan, lot.lot(), "alreadyStarted", name));
            }
        }
        return rows;
    }

    /**
     * Unique per attempt: the arc, the lot and the time of the lot's last state transition, so running exec twice
     * over an unchanged lot names the same execution and Step Functions starts it once.
     */
    private static String executionName(ArcPlan arc, BackfillLot lot, OperatedPlacement placement, Clock clock) {
        String attempt = new ArcStateStore(placement.store(), arc.gateProps().arcStateURI(), clock)
                .lastTransition(lot.lot()).map(ArcStateEntry::time).map(t -> t.replaceAll("[^0-9]", ""))
                .orElse("0");
        String arcPart = arc.name().replaceAll("[^A-Za-z0-9_-]", "-");
        arcPart = arcPart.length() > 40 ? arcPart.substring(0, 40) : arcPart;
        String name = arcPart + "-" + lot.lot() + "-" + attempt;
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    /** What the arc's listener rule delivers: an EventBridge event whose {@code detail} is the notification. */
    private static ObjectNode envelope(ArcNotifyEvent event) {
        ObjectNode envelope = Json.records().createObjectNode();
        envelope.put("version", "0");
        envelope.put("detail-type", ArcNotifyEvent.DETAIL_TYPE);
        envelope.put("source", ArcNotifyEvent.SOURCE);
        envelope.set("detail", Json.records().valueToTree(event));
        return envelope;
    }

    /** What a scheduled arc's rule delivers: the tick under {@code detail}. */
    private static ObjectNode tickEnvelope(LotId lot) {
        ObjectNode envelope = Json.records().createObjectNode();
        envelope.set("detail", ScheduleTick.of(lot).toJson());
        return envelope;
    }

    private ObjectNode row(ProjectPlan projectPlan, String lot, String outcome, String execution) {
        ObjectNode row = Json.records().createObjectNode();
        row.putObject("project").put("name", projectPlan.names().project())
                .put("version", projectPlan.names().version());
        row.put("arc", arcName);
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
