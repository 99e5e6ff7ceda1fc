package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.metadata.DeployReconciler;
import io.clusterless.engine.metadata.DeployRecords;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.ObjectStoreException;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.AwsClients;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The CLI's side of ADR-0009: who runs a deploy, and reconciling the unfinished deploy records of placements before
 * a command reads or changes them, with one note per record for the user.
 */
public final class DeployIntents {
    private DeployIntents() {
    }

    /** {@code user@host} of this process, for the record. */
    public static String by() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return System.getProperty("user.name", "unknown") + "@" + host;
    }

    /**
     * Reconciles every unfinished deploy record of these placements and notes each outcome. A placement whose records
     * or stacks cannot be read (no permission, bucket gone) gets a note, not a failure: the command goes on with the
     * records as they are.
     *
     * @param clientsByRegion the command's AWS connection for a region, to read the stacks
     */
    public static void reconcile(List<PlacementNames> placements, ObjectStore store,
                                 Function<String, AwsClients> clientsByRegion, Consumer<String> note) {
        if (placements.isEmpty()) {
            return;
        }
        try (CloudFormationStacks stacks = new CloudFormationStacks(clientsByRegion)) {
            DeployReconciler reconciler = new DeployReconciler(new DeployRecords(store),
                    new PlacementRecords(store, Clock.systemUTC()), stacks, Clock.systemUTC());
            for (PlacementNames placement : placements) {
                try {
                    reconciler.reconcile(placement).forEach(outcome -> note.accept(outcome.message()));
                } catch (ObjectStoreException | SdkException | IllegalStateException e) {
                    note.accept("cannot check the deploy records in s3://" + placement.metadataBucket() + ": "
                            + e.getMessage());
                }
            }
        }
    }
}
