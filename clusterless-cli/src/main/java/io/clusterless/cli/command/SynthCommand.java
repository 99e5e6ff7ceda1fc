package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.output.Printer;
import io.clusterless.cli.repeat.RepeatRecorder;
import io.clusterless.model.load.ImportWatcher;
import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.deploys.LambdaAssets;
import io.clusterless.substrate.aws.synth.AwsSynthesizer;
import io.clusterless.substrate.aws.synth.ProjectInput;
import io.clusterless.substrate.aws.synth.SynthException;
import io.clusterless.substrate.aws.synth.SynthResult;
import io.clusterless.substrate.aws.synth.Timings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** {@code cls synth}: writes the cloud assembly of project files, or of a placement's bootstrap stack, offline. */
@Command(name = "synth",
        description = {"Synthesize the AWS CloudFormation stacks of project files into a cloud assembly, without any "
                + "AWS call: account and region come from each file's placement. Deploy it with "
                + "'cdk deploy --app DIR --all' (after 'cdk bootstrap' of the account and region, and after the "
                + "placement's bootstrap stack).",
                "With --bootstrap --account A --region R [--stage S]: the placement's bootstrap stack instead "
                        + "(buckets, arc event bus, VPC, exports).",
                ""},
        footer = {"", "Examples:",
                "  cls synth examples/copy-chain/project.json -o cdk.out",
                "  cls synth --bootstrap --stage dev --account 123456789012 --region us-west-2 -o bootstrap.out",
                "", "Properties: -D common.resource.removeAllOnDestroy=true (every bucket, database and table is "
                + "deleted with its stack; a bucket only when empty), -D aws.lambda.snapStart=false (no SnapStart, "
                + "functions invoked unqualified: for moto, whose CloudFormation cannot resolve Lambda versions).",
                "Environment: CLS_ASSETS_PATH (the Lambda runtime jar, or its directory), CLS_TIMINGS (print "
                + "phase timings, as -v does).",
                "Exit codes: 0 written, 1 invalid project or failed synth, 2 usage error."},
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class SynthCommand implements Callable<Integer> {
    private final CliContext context;

    SynthCommand(CliContext context) {
        this.context = context;
    }

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Target target;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Project files, as with -p (cls synth project.json).")
    private List<String> positional = new ArrayList<>();

    @Mixin
    private AwsSynthOptions synth;

    @Option(names = {"-o", "--output-path"}, paramLabel = "DIR",
            description = "Cloud assembly directory (default: cdk.out). A previous assembly there is replaced.")
    private Path outdir = Path.of("cdk.out");

    /** Project files or the bootstrap stack, not both. */
    static final class Target {
        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Project files:%n")
        ProjectFiles projects;
        @ArgGroup(exclusive = false, multiplicity = "1", heading = "Bootstrap stack:%n")
        Bootstrap bootstrap;
    }

    static final class ProjectFiles {
        @Option(names = {"-p", "--project"}, paramLabel = "FILE", split = ",",
                description = "Project file (.json, .yaml, .yml, .jsonnet), or - for stdin; the same as giving "
                        + "FILE as an argument. Repeat (or separate with commas) to synthesize several files together.")
        List<String> files = new ArrayList<>();
        @Option(names = "--ext-str", paramLabel = "KEY=VALUE",
                description = "External variable for Jsonnet files, read with std.extVar(\"KEY\") (repeatable).")
        Map<String, String> extStrs = new LinkedHashMap<>();
        @Option(names = "--jpath", paramLabel = "DIR",
                description = "Folder Jsonnet imports may read besides the project file's own, searched after the importing file's "
                        + "folder (repeatable). Imports anywhere else are refused.")
        List<Path> jpaths = new ArrayList<>();
    }

    static final class Bootstrap {
        @Option(names = "--bootstrap", required = true, description = "Synthesize the placement's bootstrap stack.")
        boolean bootstrap;
        @Option(names = "--account", required = true, paramLabel = "ACCOUNT", description = "AWS account id.")
        String account;
        @Option(names = "--region", required = true, paramLabel = "REGION", description = "AWS region.")
        String region;
        @Option(names = "--stage", paramLabel = "STAGE", description = "Optional stage, e.g. dev.")
        String stage;
    }

    @Override
    public Integer call() {
        Bootstrap bootstrap = target == null ? null : target.bootstrap;
        List<String> files = ProjectOptions.files(target == null || target.projects == null ? null
                : target.projects.files, positional);
        if (bootstrap != null && !files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give either project files or --bootstrap, not both");
        }
        if (bootstrap == null && files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), ProjectOptions.missingFiles("cls synth")
                    + ", or --bootstrap --account A --region R");
        }
        Timings before = new Timings();
        before.add("jvm start", AwsSynthSupport.sinceProcessStart());
        AwsSynthSupport.warnIfValidationOff(context, synth.validate);
        Path lambdaJar = LambdaAssets.lambdaJar(System.getenv());
        // with the assembly cache, jsii starts early only when the project will likely be synthesized afresh
        CompletableFuture<Void> jsii = AwsSynthSupport.startedEarly(bootstrap != null || synth.noCache);
        SynthResult result;
        Optional<RepeatRecorder.Reads> reads = Optional.empty();
        try {
            if (bootstrap != null) {
                PlacementNames placement;
                try {
                    placement = new PlacementNames(bootstrap.stage, bootstrap.account, bootstrap.region);
                } catch (IllegalArgumentException e) {
                    throw new UserException(e.getMessage());
                }
                before.mark("load");
                prepare(outdir);
                AwsSynthSupport.awaitJsii(jsii);
                result = AwsSynthesizer.synthesizeBootstrap(placement, false, outdir);
            } else {
                List<ProjectSource> sources = ProjectOptions.sources(files, spec.commandLine());
                AwsSynthSupport.Jsii early = AwsSynthSupport.jsii(synth, sources, jsii);
                JsonnetOptions jsonnet = target == null || target.projects == null ? JsonnetOptions.NONE
                        : new JsonnetOptions(target.projects.extStrs, target.projects.jpaths);
                List<ProjectInput> inputs = AwsSynthSupport.load(context, sources, jsonnet, ValidationOptions.offline(),
                        context.repeat().map(RepeatRecorder::imports).orElse(ImportWatcher.NONE));
                before.mark("load");
                prepare(outdir);
                result = AwsSynthSupport.synthesize(synth, inputs,
                        synth.toSynthOptions(lambdaJar, context.config(), false), outdir, early,
                        AwsSynthSupport.cacheRoot(context), key -> context.repeat().ifPresent(repeat -> repeat.assembly(key.hex(), outdir)));
                reads = reads(sources, jsonnet, lambdaJar);
            }
        } catch (SynthException e) {
            throw new UserException(e.getMessage());
        }
        AwsSynthSupport.printNotes(context, result);
        List<ObjectNode> rows = new ArrayList<>();
        for (SynthResult.StackReport stack : result.stacks()) {
            ObjectNode row = Printer.record();
            row.put("stack", stack.name());
            row.put("resources", stack.resources());
            row.put("template", outdir.resolve(stack.templateFile()).toString());
            rows.add(row);
        }
        new Printer(context.out(), context.output()).print(rows);
        context.out().flush();
        context.err().flush();
        Optional<RepeatRecorder.Reads> read = reads;
        context.repeat().ifPresent(repeat -> read.ifPresent(r ->
                repeat.complete(r, AwsSynthSupport.timingsWanted(context))));
        AwsSynthSupport.printTimings(context, before, result);
        return ExitCodes.OK;
    }

    /**
     * What the load and the synth read besides the configuration and Jsonnet imports (the repeat record): each
     * project file, the folders imports may read from, the Lambda jar and the folders it is looked for in. Empty
     * when a file came from stdin (not readable again).
     */
    private static Optional<RepeatRecorder.Reads> reads(List<ProjectSource> sources, JsonnetOptions jsonnet,
                                                        Path lambdaJar) {
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        for (ProjectSource source : sources) {
            if (source.path() == null) {
                return Optional.empty();
            }
            Path absolute = source.path().toAbsolutePath().normalize();
            files.add(absolute);
            folders.add(absolute.getParent());
        }
        jsonnet.jpaths().forEach(jpath -> folders.add(jpath.toAbsolutePath().normalize()));
        List<Path> stats = new ArrayList<>(List.of(lambdaJar));
        stats.addAll(LambdaAssets.places(System.getenv()));
        return Optional.of(new RepeatRecorder.Reads(files, folders, stats));
    }

    /**
     * An earlier assembly in {@code dir} is removed first, so no stale template or asset survives; any other
     * non-empty directory is left alone and refused.
     */
    static void prepare(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException("-o " + dir + " is a file, not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(dir.resolve("manifest.json"))) {
            throw new UserException("-o " + dir + " is not empty and holds no cloud assembly (no manifest.json); "
                    + "choose another directory");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
