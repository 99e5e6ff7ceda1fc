package io.clusterless.engine.metadata;

import io.clusterless.engine.metadata.DeployRecord.State;
import io.clusterless.engine.metadata.StackStates.StackState;
import io.clusterless.naming.PlacementNames;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finishes deploy records that a killed {@code cls deploy|destroy} left unfinished (ADR-0009), from what
 * CloudFormation says of their stacks now:
 * <ul>
 *   <li>every stack has the recorded template and a complete status: the deploy happened; write its metadata
 *   records, then mark it deployed (a destroy: every stack is gone; remove the records, mark it destroyed);</li>
 *   <li>a stack is in progress: someone's deploy, or CloudFormation finishing the killed one; leave it;</li>
 *   <li>a stack failed or rolled back: mark the attempt failed;</li>
 *   <li>otherwise the command stopped before cdk reached every stack, or is still running: say so and what to
 *   re-run, and leave the record, since only a command that knows no cdk runs may decide more.</li>
 * </ul>
 * Records are replaced only if unchanged since read, so a reconciliation never overwrites the outcome that the
 * command itself, or a newer deploy, wrote meanwhile.
 */
public final class DeployReconciler {
    /** What reconciling one unfinished record found. */
    public enum Kind {
        /** The records were completed (written, or removed after a destroy). */
        completed,
        /** The attempt failed; the record now says so. */
        failed,
        /** A stack is still in progress. */
        running,
        /** Not every stack was reached; re-run the command (unless it still runs). */
        unfinished
    }

    /** @param message one line for the user: which project, what happened, what to do */
    public record Outcome(DeployRecord record, Kind kind, String message) {
    }

    private final DeployRecords records;
    private final PlacementRecords placementRecords;
    private final StackStates stacks;
    private final Clock clock;

    public DeployReconciler(DeployRecords records, PlacementRecords placementRecords, StackStates stacks,
                            Clock clock) {
        this.records = records;
        this.placementRecords = placementRecords;
        this.stacks = stacks;
        this.clock = clock;
    }

    /** Every unfinished record of the placement, reconciled; finished records are left alone. */
    public List<Outcome> reconcile(PlacementNames placement) {
        List<Outcome> outcomes = new ArrayList<>();
        for (DeployRecords.Read read : records.all(placement.metadataBucket())) {
            if (read.record().state().unfinished()) {
                reconcile(placement, read).ifPresent(outcomes::add);
            }
        }
        return outcomes;
    }

    /** One record; empty when another command changed it while this one looked at the stacks. */
    public Optional<Outcome> reconcile(PlacementNames placement, DeployRecords.Read read) {
        DeployRecord record = read.record();
        boolean deploy = record.state() == State.deploying;
        List<String> running = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> notReached = new ArrayList<>();
        for (DeployRecord.Stack stack : record.stacks()) {
            Optional<StackState> state = stacks.describe(stack.region(), stack.name());
            if (state.isPresent() && state.get().inProgress()) {
                running.add(stack.name() + " (" + state.get().status() + ")");
            } else if (state.isPresent() && state.get().failed()) {
                failed.add(stack.name() + " (" + state.get().status()
                        + (state.get().reason() == null ? "" : ": " + state.get().reason()) + ")");
            } else if (deploy ? !deployed(stack, state) : state.isPresent() && !state.get().deleted()) {
                notReached.add(stack.name() + (deploy ? state.isEmpty() ? " (not created)" : " (older template)"
                        : " (" + state.get().status() + ")"));
            }
        }
        String what = record.state().verb() + " of " + record.project() + " " + record.version() + " started "
                + record.startedAt() + " by " + record.by();
        String now = clock.instant().toString();
        if (!running.isEmpty()) {
            return Optional.of(new Outcome(record, Kind.running, what + " is still in progress in CloudFormation: "
                    + String.join(", ", running) + "; run this again when it has finished"));
        }
        if (!failed.isEmpty()) {
            String message = "stacks failed: " + String.join(", ", failed);
            DeployRecord next = record.finished(deploy ? State.deployFailed : State.destroyFailed, now,
                    message + " (found after the command was interrupted)");
            return records.replace(read, next) ? Optional.of(new Outcome(next, Kind.failed, what + " failed: "
                    + message + "; fix the cause and run: " + record.command())) : Optional.empty();
        }
        if (!notReached.isEmpty()) {
            return Optional.of(new Outcome(record, Kind.unfinished, what + " did not finish: "
                    + String.join(", ", notReached) + "; unless that command is still running, run: "
                    + record.command()));
        }
        if (deploy) {
            // the same bytes the command would have written, in the same order (materials last)
            placementRecords.write(placement.metadataBucket(), record.records());
        } else {
            try {
                placementRecords.remove(placement, record.project(), record.version());
            } catch (PlacementRecords.MissingMaterialsException alreadyRemoved) {
                // the command got as far as removing them
            }
        }
        DeployRecord next = record.finished(deploy ? State.deployed : State.destroyed, now,
                "completed by a later command: the " + record.state().verb() + " was interrupted after "
                        + "CloudFormation finished every stack");
        return records.replace(read, next) ? Optional.of(new Outcome(next, Kind.completed, what + " was "
                + "interrupted after its stacks were " + (deploy ? "deployed: wrote its metadata records"
                : "destroyed: removed its metadata records"))) : Optional.empty();
    }

    private static boolean deployed(DeployRecord.Stack stack, Optional<StackState> state) {
        if (state.isEmpty() || state.get().deleted() || state.get().templateJson() == null) {
            return false;
        }
        try {
            return TemplateDigest.of(state.get().templateJson()).equals(stack.templateSha256());
        } catch (IllegalArgumentException notJson) {
            return false;
        }
    }
}
