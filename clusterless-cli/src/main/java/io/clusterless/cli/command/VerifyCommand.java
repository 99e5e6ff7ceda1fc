package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.AwsConnectionOptions;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.exec.DryRunRows;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.model.Arc;
import io.clusterless.model.Deployable;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.deploys.LambdaAssets;
import io.clusterless.substrate.aws.deploys.ProjectDeployment;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthException;
import io.clusterless.substrate.aws.synth.SynthResult;
import io.clusterless.substrate.aws.synth.Timings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** {@code cls verify}: synthesizes into a temporary directory and reports stacks and cdk-nag findings. */
@Command(name = "verify",
        description = {"Synthesize project files in a temporary directory and report every stack with its resource "
                + "count and the findings of cdk-nag's AwsSolutions pack; for arcs that run a statement "
                + "(athenaQueryArc), the statement of one sample lot.",
                "No AWS call, unless an arc reads a dataset that no given file owns: its owner is then read from "
                + "the placement's metadata bucket, where the owning project's deploy recorded it (as deploy does).",
                "Exit code 0 when the stacks synthesize without a cdk-nag error, 1 otherwise."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class VerifyCommand implements Callable<Integer> {
    private final CliContext context;

    VerifyCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Mixin
    private AwsSynthOptions synth;

    @Option(names = "--dry-run", description = "Load and validate the files and look up the owners of their sources, "
            + "but synthesize nothing: print the projects and where each source's owner was found.")
    private boolean dryRun;

    @Mixin
    private AwsConnectionOptions connection = new AwsConnectionOptions();

    @Override
    public Integer call() {
        Timings before = new Timings();
        before.add("jvm start", AwsSynthSupport.sinceProcessStart());
        AwsSynthSupport.warnIfValidationOff(context, synth.validate);
        Path lambdaJar = LambdaAssets.lambdaJar(System.getenv());
        CompletableFuture<Void> jsii = AwsSynthSupport.startedEarly(synth.noCache);
        // sources may be owned by deployed projects: looked up below, as deploy does
        List<ProjectSource> sources = project.sources();
        AwsSynthSupport.Jsii early = AwsSynthSupport.jsii(synth, sources, jsii);
        List<ProjectInput> inputs = AwsSynthSupport.load(context, sources, project.jsonnet(),
                new ValidationOptions(true));
        CdkOptions cdk = new CdkOptions();
        cdk.connection = connection;
        Map<PlacementNames, List<Deployable>> placements = ProjectDeployment.placements(inputs);
        Map<String, SinkDataset> owners = ProjectDeployments.deployedOwners(context, inputs, synth, cdk, placements);
        before.mark("load");
        if (dryRun) {
            return printDryRun(placements, owners);
        }
        Path outdir;
        try {
            outdir = Files.createTempDirectory("cls-verify");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SynthResult result;
        try {
            result = AwsSynthSupport.synthesize(synth, inputs,
                    synth.toSynthOptions(lambdaJar, context.config(), true).withDeployedOwners(owners),
                    outdir, early);
        } catch (SynthException e) {
            throw new UserException(e.getMessage());
        } finally {
            delete(outdir);
        }
        AwsSynthSupport.printNotes(context, result);
        List<ObjectNode> rows = new ArrayList<>();
        for (SynthResult.StackReport stack : result.stacks()) {
            ObjectNode row = Printer.record();
            row.put("stack", stack.name());
            row.put("resources", stack.resources());
            row.put("nag errors", result.findings().stream()
                    .filter(f -> f.stack().equals(stack.name()) && f.level().equals("error")).count());
            row.put("nag warnings", result.findings().stream()
                    .filter(f -> f.stack().equals(stack.name()) && f.level().equals("warning")).count());
            rows.add(row);
        }
        new Printer(context.out(), context.output()).print(rows);
        PrintWriter err = context.err();
        for (SynthResult.NagFinding finding : result.findings()) {
            err.println(finding.level() + ": " + finding.path() + ": "
                    + (finding.rule().isEmpty() ? "" : finding.rule() + ": ") + finding.message());
        }
        err.println("cdk-nag AwsSolutions: " + result.errors() + (result.errors() == 1 ? " error, " : " errors, ")
                + (result.findings().size() - result.errors()) + " warnings in " + result.stacks().size() + " stacks");
        printSamples(err, inputs);
        err.flush();
        AwsSynthSupport.printTimings(context, before, result);
        return result.errors() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** What an arc's type shows without anything deployed, e.g. an athenaQueryArc's statement for a sample lot. */
    private static void printSamples(PrintWriter err, List<ProjectInput> inputs) {
        List<Deployable> deployables = inputs.stream().map(ProjectInput::deployable).toList();
        Instant now = Instant.now();
        for (ProjectInput input : inputs) {
            for (Arc<?> arc : input.deployable().getArcs()) {
                try {
                    DryRunRows.sample(arc, deployables, input.baseDir(), now).ifPresent(sample ->
                            err.println("arc " + arc.getName() + " (" + input.display() + "), sample " + sample));
                } catch (IllegalArgumentException | WorkloadException e) {
                    err.println("arc " + arc.getName() + " (" + input.display() + "): no sample: " + e.getMessage());
                }
            }
        }
    }

    /** One row per project, naming the deployed owners its arcs' sources were found with. */
    private int printDryRun(Map<PlacementNames, List<Deployable>> placements, Map<String, SinkDataset> owners) {
        List<ObjectNode> rows = new ArrayList<>();
        for (Map.Entry<PlacementNames, List<Deployable>> entry : placements.entrySet()) {
            Map<String, Deployable> projects = new LinkedHashMap<>();
            entry.getValue().forEach(d -> projects.putIfAbsent(d.getProject().id(), d));
            for (Deployable deployable : projects.values()) {
                ObjectNode row = Printer.record();
                row.put("project", deployable.getProject().id());
                row.put("placement", entry.getKey().account() + "/" + entry.getKey().region() + "/"
                        + (entry.getKey().stage() == null ? "" : entry.getKey().stage()));
                row.put("deployed owners", String.join(" ", entry.getValue().stream()
                        .filter(d -> d.getProject().id().equals(deployable.getProject().id()))
                        .flatMap(d -> d.getArcs().stream())
                        .flatMap(arc -> arc.getSources().values().stream())
                        .map(source -> source.id()).filter(owners::containsKey).distinct()
                        .map(id -> id + "=" + owners.get(id).getPathURI()).toList()));
                rows.add(row);
            }
        }
        new Printer(context.out(), context.output()).print(rows);
        context.err().println("cls: dry run: " + rows.size() + (rows.size() == 1 ? " project" : " projects")
                + " valid, nothing synthesized");
        context.err().flush();
        return ExitCodes.OK;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing the report for
        }
    }
}
