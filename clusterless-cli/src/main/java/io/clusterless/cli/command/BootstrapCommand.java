package io.clusterless.cli.command;

import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.substrate.aws.deploys.CommandDocument;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.substrate.aws.deploys.CdkSession;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.SynthException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code cls bootstrap}: the placement's bootstrap stack (reference §3.2), after the CDK's own bootstrap of the
 * account and region, and its {@code metadata.json}; {@code --destroy} empties the three buckets (every version:
 * they are versioned and have no auto-delete custom resource, see docs/adr/0005) and removes the stack.
 */
@Command(name = "bootstrap",
        description = {"Create (or with --destroy remove) the placement's bootstrap stack: metadata, arc-state and "
                + "manifest buckets, the arc event bus and a VPC. Runs the CDK's own bootstrap of the account and "
                + "region first, so no separate 'cdk bootstrap' is needed.", ""},
        footer = {"", "Examples:",
                "  cls bootstrap --account 123456789012 --region us-west-2 --stage dev --approve",
                "  cls bootstrap --account 123456789012 --region us-west-2 --stage dev --destroy --approve --retry",
                "", "Exit codes: 0 done, 1 failure, 2 usage error, n the CDK CLI's exit code."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class BootstrapCommand implements Callable<Integer> {
    private final CliContext context;

    BootstrapCommand(CliContext context) {
        this.context = context;
    }

    @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "AWS account id.")
    String account;

    /** {@code --stage} without a value is the original's way to say "no stage". */
    @Option(names = "--stage", paramLabel = "STAGE", arity = "0..1", fallbackValue = "",
            description = "Optional stage, e.g. dev; --stage without a value: no stage.")
    void setStage(String value) {
        stage = value == null || value.isBlank() ? null : value;
    }

    String stage;

    @Option(names = "--destroy", description = "Empty the placement's buckets and remove its bootstrap stack.")
    boolean destroy;

    @Mixin
    CdkOptions cdk;

    /** What --output json reports of this run (a no-op without it). */
    private CommandDocument document;

    @Override
    public Integer call() {
        document = new CommandDocument("bootstrap", destroy ? CommandDocument.Intent.destroy
                : CommandDocument.Intent.deploy, context.documentOut(), Clock.systemUTC())
                .connection(cdk.dryRun, region -> new CdkSession(CdkOptions.session(context),
                        cdk.settings(context.config()), region).clients());
        return document.run(this::bootstrap);
    }

    private int bootstrap() {
        String region = cdk.connection.region();
        if (region == null) {
            throw new UserException("cls bootstrap needs --region: the placement's region");
        }
        PlacementNames placement;
        try {
            placement = new PlacementNames(stage, account, region);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        CdkSession support = new CdkSession(CdkOptions.session(context), cdk.settings(context.config()), region);
        if (destroy) {
            support.requireApprovalPossible("bootstrap --destroy", !support.destroyForced());
        } else {
            support.requireApprovalPossible("bootstrap", support.deployAsks());
        }
        Path assembly = CdkSession.tempAssembly();
        try {
            try {
                long synthStart = System.nanoTime();
                AwsSynthSupport.awaitJsii(AwsSynthesizer.warmUp());
                AwsSynthesizer.synthesizeBootstrap(placement, false, assembly);
                document.synthesized(assembly, (System.nanoTime() - synthStart) / 1_000_000);
            } catch (SynthException e) {
                throw new UserException(e.getMessage());
            }
            return destroy ? destroy(support, placement, assembly) : deploy(support, placement, assembly);
        } finally {
            CdkSession.deleteQuietly(assembly);
        }
    }

    private int deploy(CdkSession support, PlacementNames placement, Path assembly) {
        // idempotent, and a missing CDKToolkit stack is the most common first-use failure
        int exit = support.run(List.of("bootstrap", "aws://" + account + "/" + placement.region(),
                "--app", assembly.toString()));
        if (exit != 0) {
            throw new UserException("the CDK's own bootstrap of aws://" + account + "/" + placement.region()
                    + " failed (cdk exit " + exit + "); see its output above");
        }
        List<String> arguments = new ArrayList<>(List.of("deploy"));
        arguments.addAll(support.common(assembly));
        arguments.add("--all");
        arguments.addAll(support.deployOptions());
        long cdkStart = System.nanoTime();
        exit = support.run(arguments);
        document.cdkRan(exit, (System.nanoTime() - cdkStart) / 1_000_000);
        if (exit != 0) {
            support.note("unable to bootstrap clusterless in account: " + account + ", region: "
                    + placement.region() + ", stage: " + stage + " (cdk exit " + exit + ")");
            return exit;
        }
        if (!cdk.dryRun) {
            new PlacementRecords(new S3ObjectStore(support.clients().s3()), Clock.systemUTC())
                    .writeBootstrap(placement);
            support.note("bootstrapped; wrote s3://" + placement.metadataBucket() + "/metadata.json");
            document.written(List.of("s3://" + placement.metadataBucket() + "/metadata.json"));
        }
        return ExitCodes.OK;
    }

    private int destroy(CdkSession support, PlacementNames placement, Path assembly) {
        if (!cdk.dryRun) {
            S3Client s3 = support.clients().s3();
            for (String bucket : List.of(placement.metadataBucket(), placement.arcStateBucket(),
                    placement.manifestBucket())) {
                empty(s3, bucket);
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
    private void empty(S3Client s3, String bucket) {
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
            cdkNote("emptied s3://" + bucket + " (" + deleted + " object versions)");
        } catch (NoSuchBucketException e) {
            cdkNote("s3://" + bucket + " does not exist; nothing to empty");
        }
    }

    private void cdkNote(String line) {
        context.err().println("cls: " + line);
        context.err().flush();
    }
}
