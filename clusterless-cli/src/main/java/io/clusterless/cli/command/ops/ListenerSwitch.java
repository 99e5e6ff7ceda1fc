package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.listener.ListenerChange;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.ops.ListenerRules;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.ProjectPlan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code cls enable} and {@code cls disable} share (ADR-0004): the change is recorded in the metadata bucket
 * first, then applied to the EventBridge rule on AWS; locally {@code cls local run} reads the record before it
 * delivers an event. Without {@code --arc} or {@code --boundary} every listener of the project files changes.
 */
abstract class ListenerSwitch {
    private final CliContext context;

    ListenerSwitch(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SubstrateOptions substrate;

    @ArgGroup(exclusive = true)
    private Target target;

    static final class Target {
        @Option(names = "--arc", paramLabel = "ARC", description = "Only this arc's listener.")
        String arc;

        @Option(names = "--boundary", paramLabel = "BOUNDARY", description = "Only this boundary's listener.")
        String boundary;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept in the listener's history.")
    private String reason;

    /** A rule to change: the component's project, its name, and where its rule is on AWS. */
    /** @param lateTickRule a roll-up's late-tick schedule on the default bus (ADR-0012), switched with it; or null */
    private record Listener(ProjectPlan project, String component, String kind, String ruleName, String busName,
                            String lateTickRule) {
    }

    private static String lateTickRule(ProjectPlan project, ArcPlan arc) {
        return arc.gateProps().rollsUp() && arc.gateProps().rollUp().lateAfter() != null
                ? project.names().arcLateTickRule(arc.name()) : null;
    }

    int change(boolean enabled) {
        OperatedPlacement placement = OperatedPlacement.load(context, project, substrate);
        List<Listener> listeners = listeners(placement);
        ListenerSwitches switches = new ListenerSwitches(placement.store(),
                placement.plan().placement().metadataBucket(), Clock.systemUTC());
        ListenerRules rules = placement.operations().listenerRules(placement.plan().placement());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Listener listener : listeners) {
            // the record first: a failure after it leaves the wanted state recorded for a retry or the next deploy
            ListenerChange change = switches.record(listener.project().names().project(),
                    listener.project().names().version(), listener.component(), enabled, reason);
            String rule = rules.apply(listener.ruleName(), listener.busName(), enabled);
            if (listener.lateTickRule() != null) {
                rule += "; " + rules.apply(listener.lateTickRule(), null, enabled);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("project", Map.of("name", change.project(), "version", change.version()));
            row.put("kind", listener.kind());
            row.put("name", listener.component());
            row.put("enabled", enabled);
            row.put("at", change.at());
            row.put("rule", rule);
            rows.add(row);
        }
        new Printer(context.out(), context.output()).print(rows);
        return ExitCodes.OK;
    }

    private List<Listener> listeners(OperatedPlacement placement) {
        String arcName = target == null ? null : target.arc;
        String boundaryName = target == null ? null : target.boundary;
        List<Listener> listeners = new ArrayList<>();
        for (ProjectPlan projectPlan : placement.plan().projects()) {
            if (arcName == null) {
                for (BoundaryPlan boundary : projectPlan.boundaries()) {
                    String name = boundary.model().getName();
                    if (boundaryName == null || boundaryName.equals(name)) {
                        listeners.add(new Listener(projectPlan, name, "boundary", boundary.ruleName(), null, null));
                    }
                }
            }
            if (boundaryName == null) {
                for (ArcPlan arc : projectPlan.arcs()) {
                    if (arcName == null || arcName.equals(arc.name())) {
                        // a scheduled arc's rule is its schedule, on the default bus (ADR-0013)
                        listeners.add(new Listener(projectPlan, arc.name(), "arc", arc.ruleName(),
                                arc.listenerPattern() == null ? null : placement.plan().placement().arcEventBus(),
                                lateTickRule(projectPlan, arc)));
                    }
                }
            }
        }
        if (listeners.isEmpty()) {
            throw new UserException(arcName != null ? "no arc named " + arcName + " in the project files"
                    : boundaryName != null ? "no boundary named " + boundaryName + " in the project files"
                    : "the project files have no arc or boundary to switch");
        }
        return listeners;
    }
}
