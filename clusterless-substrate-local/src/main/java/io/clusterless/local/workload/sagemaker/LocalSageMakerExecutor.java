package io.clusterless.local.workload.sagemaker;

import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.sagemaker.SageMakerJobProps;
import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.engine.workload.sagemaker.SageMakerWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.local.process.WorkloadLeases;
import io.clusterless.local.process.ImageCommand;
import io.clusterless.local.process.WorkloadProcess;
import io.clusterless.local.workload.LocalExecutor;
import io.clusterless.local.workload.LocalExecutorContext;
import io.clusterless.model.Arc;
import io.clusterless.model.core.arc.sagemaker.SageMakerJobSettings;
import io.clusterless.model.core.arc.sagemaker.SageMakerTrainingSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A SageMaker arc on one machine: the container's {@code command} runs as a local process in {@code imagePath}, as a
 * batchExecArc's does ({@link WorkloadProcess}: its own process group and lease, the arc's scoped credentials for the
 * local S3 endpoint, {@code maxRuntimeMin} as its timeout), with SageMaker's folders emulated in a temporary folder:
 * each source role's lot objects copied into its input folder before, each sink role's output folder (training: the
 * model, packed as {@code <job>/output/model.tar.gz}) uploaded into {@code <sink>lot=<LOT>/} after, and the variables
 * of {@link SageMakerLayout} pointing at them. The lot's plan, its clearing and its manifests are the engine's, as on
 * AWS ({@link SageMakerWorkload}).
 */
public final class LocalSageMakerExecutor implements LocalExecutor {
    private final SageMakerLayout.Kind kind;
    private final String arcName;
    private final SageMakerJobSettings workload;
    private final SageMakerJobProps jobProps;
    private final ImageCommand image;
    private final ObjectStore store;
    private final SageMakerWorkload sageMaker;
    private final Path jobsDir;
    private final Path logDir;

    private LocalSageMakerExecutor(SageMakerLayout.Kind kind, String arcName, SageMakerJobSettings workload,
                                   SageMakerJobProps jobProps, Path imageDir, Map<String, String> awsEnvironment,
                                   ObjectStore store, Path jobsDir, Path logDir, WorkloadLeases leases) {
        this.kind = kind;
        this.arcName = arcName;
        this.workload = workload;
        this.jobProps = jobProps;
        this.image = new ImageCommand(imageDir, awsEnvironment, leases);
        this.store = store;
        this.sageMaker = new SageMakerWorkload(store);
        this.jobsDir = jobsDir;
        this.logDir = logDir;
    }

    /** @throws IllegalArgumentException when the arc names no image folder to run its command in */
    static LocalSageMakerExecutor of(SageMakerLayout.Kind kind, LocalPlan.ArcEntry arc, LocalExecutorContext context) {
        Arc<?> model = arc.model();
        SageMakerJobSettings workload = (SageMakerJobSettings) model.getWorkload();
        if (workload.getImagePath() == null) {
            throw new IllegalArgumentException("arc " + model.getName() + ": an imageUri image cannot run locally; "
                    + "give imagePath (the folder the command runs in) to run the arc with cls local run");
        }
        Path image = context.projectDir().resolve(workload.getImagePath()).toAbsolutePath().normalize();
        if (!Files.isDirectory(image)) {
            throw new IllegalArgumentException("arc " + model.getName() + ": imagePath '" + workload.getImagePath()
                    + "' is not a folder beside the project file (" + image + ")");
        }
        if (workload.getCommand().isEmpty()) {
            throw new IllegalArgumentException("arc " + model.getName() + " declares no command to run locally");
        }
        String project = arc.project().project();
        String version = arc.project().version();
        SageMakerJobProps props = new SageMakerJobProps(kind, project, version, model.getName(), "s3://"
                + context.plan().placement().manifestBucket() + "/sagemaker-inputs/project=" + project + "/version="
                + version + "/arc=" + model.getName() + "/");
        return new LocalSageMakerExecutor(kind, model.getName(), workload, props, image,
                context.endpointEnvironment(arc), context.store(),
                context.tmpDir().resolve("sagemaker").resolve(model.getName()), context.logDir(model.getName()),
                context.leases());
    }

    @Override
    public Map<String, String> run(ArcWorkloadContext context, ArcProps props, String attemptId) throws Exception {
        SageMakerWorkload.JobPlan plan = sageMaker.plan(context, props, jobProps, attemptId);
        if (plan.finished()) {
            return sageMaker.finish(plan, attemptId);
        }
        sageMaker.prepare(plan);
        if (!plan.runsJob()) {
            return sageMaker.finish(plan, attemptId);
        }
        Path root = jobsDir.resolve(plan.jobName());
        delete(root);
        try {
            SageMakerLayout layout = new SageMakerLayout(kind, root.toString());
            fill(plan, layout);
            Path log = runCommand(plan, layout, props);
            upload(plan, layout, log);
            return sageMaker.finish(plan, attemptId);
        } finally {
            delete(root);
        }
    }

    /** The input folders filled from the lot's objects, the output folders made, the hyperparameters written. */
    private void fill(SageMakerWorkload.JobPlan plan, SageMakerLayout layout) throws IOException {
        for (SageMakerWorkload.Input input : plan.inputs()) {
            Path folder = Path.of(layout.input(input.role()));
            Files.createDirectories(folder);
            S3Location prefix = S3Location.parse(input.prefix());
            for (String key : input.keys()) {
                Path file = folder.resolve(key).normalize();
                if (!file.startsWith(folder)) {
                    throw new WorkloadException("object key " + prefix.prefix() + key + " leaves the input folder");
                }
                byte[] body = store.get(prefix.bucket(), prefix.prefix() + key).orElseThrow(() ->
                        new WorkloadException("source role '" + input.role() + "': s3://" + prefix.bucket() + "/"
                                + prefix.prefix() + key + " is listed in the lot's manifest but does not exist"))
                        .body();
                Files.createDirectories(file.getParent());
                Files.write(file, body);
            }
        }
        if (kind == SageMakerLayout.Kind.processing) {
            for (SageMakerWorkload.Output output : plan.outputs()) {
                Files.createDirectories(Path.of(layout.output(output.role())));
            }
            return;
        }
        Files.createDirectories(Path.of(layout.model()));
        Files.createDirectories(Path.of(layout.outputData()));
        Files.createDirectories(Path.of(layout.config()));
        Map<String, String> hyperParameters = ((SageMakerTrainingSettings) workload).getHyperParameters();
        Files.write(Path.of(layout.config()).resolve("hyperparameters.json"), Json.records().writeValueAsBytes(
                hyperParameters == null ? Map.of() : hyperParameters));
    }

    private Path runCommand(SageMakerWorkload.JobPlan plan, SageMakerLayout layout, ArcProps props) throws Exception {
        List<String> command = image.resolve(workload.getCommand());
        Map<String, String> fixed = new LinkedHashMap<>(layout.variables(props.sources().keySet()));
        fixed.put(SageMakerLayout.LOT, plan.lot());
        fixed.put(SageMakerLayout.JOB_NAME, plan.jobName());
        Path log = logDir.resolve(plan.lot() + "-" + plan.jobName() + ".log");
        int exit = image.run(command, image.environment(Map.of(), workload.getEnvironment(), fixed), log, plan.lot(),
                Duration.ofMinutes(workload.getMaxRuntimeMin()), "SageMaker " + kind + " job " + plan.jobName()
                        + " of arc " + arcName + " did not finish within maxRuntimeMin=" + workload.getMaxRuntimeMin());
        // as SageMaker's FailureReason does, name the exit and the last thing the program said
        ImageCommand.requireSuccess(exit, String.join(" ", workload.getCommand()), lastLine(log), log);
        return log;
    }

    /** What the job left in its output folders, into the sinks' lot folders. */
    private void upload(SageMakerWorkload.JobPlan plan, SageMakerLayout layout, Path log) throws Exception {
        if (kind == SageMakerLayout.Kind.processing) {
            for (SageMakerWorkload.Output output : plan.outputs()) {
                Path folder = Path.of(layout.output(output.role()));
                List<Path> files;
                try (Stream<Path> walk = Files.walk(folder)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String relative = folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                    store.put(output.target().bucket(), output.target().prefix() + relative, Files.readAllBytes(file),
                            "application/octet-stream");
                }
            }
            return;
        }
        // SageMaker's layout: <S3OutputPath><job>/output/model.tar.gz (and output.tar.gz of output/data, if any)
        S3Location target = plan.outputs().get(0).target();
        String prefix = target.prefix() + plan.jobName() + "/output/";
        store.put(target.bucket(), prefix + "model.tar.gz", tarGz(Path.of(layout.model()), log), "application/gzip");
        try (Stream<Path> data = Files.list(Path.of(layout.outputData()))) {
            if (data.findAny().isPresent()) {
                store.put(target.bucket(), prefix + "output.tar.gz", tarGz(Path.of(layout.outputData()), log),
                        "application/gzip");
            }
        }
    }

    /** {@code tar -czf} of the folder's contents, as SageMaker packs the model. */
    private byte[] tarGz(Path folder, Path log) throws IOException, InterruptedException {
        Path archive = folder.resolveSibling(folder.getFileName() + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", folder.toString(), ".")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (tar.waitFor() != 0) {
            throw new WorkloadException("tar could not pack " + folder + "; output in " + log);
        }
        return Files.readAllBytes(archive);
    }

    private static String lastLine(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> said = lines.filter(line -> !line.isBlank()).toList();
            return said.isEmpty() ? "" : ": " + said.get(said.size() - 1).strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
