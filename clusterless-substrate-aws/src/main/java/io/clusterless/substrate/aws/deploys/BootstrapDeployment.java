package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.ops.OperationException;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.substrate.aws.synth.SynthException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code cls bootstrap} does to a placement (reference §3.2): after the CDK's own bootstrap of the account and
 * region, deploys the placement's bootstrap stack and writes its {@code metadata.json}; on destroy empties the three
 * buckets (every version: they are versioned and have no auto-delete custom resource, see docs/adr/0005) and removes
 * the stack.
 */
public final class BootstrapDeployment {
    /** How the command synthesizes the bootstrap stack (the CLI waits for its jsii warm-up first). */
    @FunctionalInterface
    public interface Synthesis {
        /** Writes the cloud assembly of {@code placement}'s bootstrap stack into {@code outdir}. */
        void synthesize(PlacementNames placement, Path outdir) throws SynthException;
    }

    private final CommandSession session;
    private final CdkSettings cdk;
    private final Synthesis synthesis;
    /** What --output json reports of this run (a no-op without it); made by {@link #run}. */
    private CommandDocument document;

    public BootstrapDeployment(CommandSession session, CdkSettings cdk, Synthesis synthesis) {
        this.session = session;
        this.cdk = cdk;
        this.synthesis = synthesis;
    }

    /**
     * Bootstraps (or with {@code destroy} removes) the placement; with {@code --output json} (the session's
     * {@code document}) prints its {@link CommandDocument}, also when the placement's names are not valid.
     *
     * @param stage  the placement's stage, null for none
     * @param region the placement's region, null when none was given (refused)
     * @return 0, or the CDK CLI's exit code
     */
    public int run(String stage, String account, String region, boolean destroy) {
        document = new CommandDocument("bootstrap", destroy ? CommandDocument.Intent.destroy
                : CommandDocument.Intent.deploy, session.document() ? session.out() : null, Clock.systemUTC())
                .connection(cdk.dryRun(), at -> new CdkSession(session, cdk, at).clients());
        return document.run(() -> bootstrap(placement(stage, account, region), destroy));
    }

    private static PlacementNames placement(String stage, String account, String region) {
        if (region == null) {
            throw new OperationException("cls bootstrap needs --region: the placement's region");
        }
        try {
            return new PlacementNames(stage, account, region);
        } catch (IllegalArgumentException e) {
            throw new OperationException(e.getMessage());
        }
    }

    private int bootstrap(PlacementNames placement, boolean destroy) {
        CdkSession support = new CdkSession(session, cdk, placement.region());
        if (destroy) {
            support.requireApprovalPossible("bootstrap --destroy", !support.destroyForced());
        } else {
            support.requireApprovalPossible("bootstrap", support.deployAsks());
        }
        Path assembly = CdkSession.tempAssembly();
        try {
            CdkSession.synthesize(document, assembly, () -> synthesis.synthesize(placement, assembly));
            return destroy ? destroy(support, placement, assembly) : deploy(support, placement, assembly);
        } finally {
            CdkSession.deleteQuietly(assembly);
        }
    }

    private int deploy(CdkSession support, PlacementNames placement, Path assembly) {
        // idempotent, and a missing CDKToolkit stack is the most common first-use failure
        String environment = "aws://" + placement.account() + "/" + placement.region();
        int exit = support.run(List.of("bootstrap", environment, "--app", assembly.toString()));
        if (exit != 0) {
            throw new OperationException("the CDK's own bootstrap of " + environment + " failed (cdk exit " + exit
                    + "); see its output above");
        }
        List<String> arguments = new ArrayList<>(List.of("deploy"));
        arguments.addAll(support.common(assembly));
        arguments.add("--all");
        arguments.addAll(support.deployOptions());
        long cdkStart = System.nanoTime();
        exit = support.run(arguments);
        document.cdkRan(exit, (System.nanoTime() - cdkStart) / 1_000_000);
        if (exit != 0) {
            support.note("unable to bootstrap clusterless in account: " + placement.account() + ", region: "
                    + placement.region() + ", stage: " + placement.stage() + " (cdk exit " + exit + ")");
            return exit;
        }
        if (!cdk.dryRun()) {
            new PlacementRecords(new S3ObjectStore(support.clients().s3()), Clock.systemUTC())
                    .writeBootstrap(placement);
            support.note("bootstrapped; wrote s3://" + placement.metadataBucket() + "/metadata.json");
            document.written(List.of("s3://" + placement.metadataBucket() + "/metadata.json"));
        }
        return 0;
    }

    private int destroy(CdkSession support, PlacementNames placement, Path assembly) {
        if (!cdk.dryRun()) {
            S3Client s3 = support.clients().s3();
            for (String bucket : List.of(placement.metadataBucket(), placement.arcStateBucket(),
                    placement.manifestBucket())) {
                empty(support, s3, bucket);
            }
        }
        List<String> arguments = new ArrayList<>(List.of("destroy"));
        arguments.addAll(support.common(assembly));
        arguments.add("--all");
        if (support.destroyForced()) {
            arguments.add("--force");
        }
        long cdkStart = System.nanoTime();
        int exit = support.run(arguments);
        document.cdkRan(exit, (System.nanoTime() - cdkStart) / 1_000_000);
        return exit;
    }

    /** Deletes every version and delete marker: CloudFormation cannot delete a bucket that is not empty. */
    private static void empty(CdkSession support, S3Client s3, String bucket) {
        try {
            ListObjectVersionsResponse page;
            String keyMarker = null;
            String versionMarker = null;
            int deleted = 0;
            do {
                String km = keyMarker;
                String vm = versionMarker;
                page = s3.listObjectVersions(b -> b.bucket(bucket).keyMarker(km).versionIdMarker(vm));
                List<ObjectIdentifier> ids = new ArrayList<>();
                page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
                page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
                if (!ids.isEmpty()) {
                    s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids).quiet(true)));
                    deleted += ids.size();
                }
                keyMarker = page.nextKeyMarker();
                versionMarker = page.nextVersionIdMarker();
            } while (Boolean.TRUE.equals(page.isTruncated()));
            support.note("emptied s3://" + bucket + " (" + deleted + " object versions)");
        } catch (NoSuchBucketException e) {
            support.note("s3://" + bucket + " does not exist; nothing to empty");
        }
    }
}
