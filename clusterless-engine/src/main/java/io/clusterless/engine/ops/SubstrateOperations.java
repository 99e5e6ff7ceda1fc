package io.clusterless.engine.ops;

import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.status.DeadLetters;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.naming.PlacementNames;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the CLI asks of the substrate a placement lives on, so that every report and operation is one piece of code
 * over either substrate: the AWS substrate answers through AWS's APIs and the CDK CLI, the local one through the
 * local root. Failures a user can act on are {@link OperationException}s. Closing it releases the clients it opened.
 */
public interface SubstrateOperations extends AutoCloseable {
    /** The substrate's name in reports: {@code aws} or {@code local}. */
    String provider();

    /**
     * The object store placements of this substrate keep their buckets in.
     *
     * @param region the placement's region where nothing else says which; null for the default
     */
    ObjectStore store(String region);

    /** Every placement of the substrate, found by the names of their metadata buckets (reference §4.1). */
    MetadataBuckets metadataBuckets();

    /**
     * For a message that no placement was found: what to run to make one the same filters would find, ending in
     * what it does ("cls local run PROJECT_FILE -P local to place one").
     *
     * @param account the account asked for, or null
     * @param stage   the stage asked for, or null (or empty) for any
     */
    String placementHint(String account, String stage);

    /** For a message that nothing is deployed: the command that places a project ("cls deploy PROJECT_FILE"). */
    String projectHint();

    /**
     * Finishes the deploy records that a command killed while it deployed left unfinished (ADR-0009), noting each
     * outcome; nothing to do where no deploy runs outside cls.
     */
    void reconcileDeploys(List<PlacementNames> placements, ObjectStore store, Consumer<String> note);

    /** Applies {@code cls enable|disable} to a listener's rule, after its record is written (ADR-0004). */
    ListenerRules listenerRules(PlacementNames placement);

    /** The dead-letter queues of a placement's arcs, for gap reports. */
    DeadLetters deadLetters(PlacementNames placement);

    /**
     * What the substrate's stacks are now ({@code cls show}); a stack that cannot be read is
     * {@link StackStates.StackState#unreadable}. Empty where placements have no stacks (local).
     */
    Optional<StackStates> stackStates();

    /** Runs the selected lots of an arc ({@code cls exec}). */
    List<ExecOutcome> exec(ExecRequest request) throws InterruptedException;

    @Override
    default void close() {
    }
}
