package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.context.ClassPathWarmup;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.json.Json;
import io.clusterless.model.Deployable;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls validate}: loads and checks project files without any AWS call. */
@Command(name = ValidateCommand.NAME,
        description = {"Load and validate project files without calling AWS: syntax, fields and types, names, lot "
                + "units, dataset owners, references, Lambda name lengths and memory ranges.",
                "Prints every problem as FILE:LINE:COL: path: message. Exit code 0 when valid, 1 when not."},
        mixinStandardHelpOptions = true)
public final class ValidateCommand implements Callable<Integer> {
    public static final String NAME = "validate";

    private final CliContext context;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Mixin
    private ProjectOptions project;

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        // Jackson's start first (~25 ms, no jar needed): the plugins' lookup needs every jar of the class path open,
        // which ClassPathWarmup meanwhile goes on doing; then wait for it, parked, rather than contend for its lock
        Json.model();
        ClassPathWarmup.awaitOpened();
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        ProjectLoader loader = new ProjectLoader(registry, project.jsonnet(), context.in());
        LoadedProject loaded = null;
        List<Problem> problems;
        try {
            loaded = loader.loadAll(project.sources());
            problems = new ProjectValidator(registry).validate(loaded, ValidationOptions.offline());
        } catch (ProblemException e) {
            problems = e.problems();
        }
        if (context.output() == OutputFormat.json) {
            out.println(json(loaded, problems));
            out.flush();
        } else if (problems.isEmpty()) {
            for (LoadedFile file : loaded.files()) {
                out.println("valid: " + file.display() + " (" + summary(file.deployable()) + ")");
            }
            out.flush();
        } else {
            for (Problem problem : problems) {
                err.println(problem.format());
            }
            long files = problems.stream().map(Problem::file).distinct().count();
            err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + files
                    + (files == 1 ? " file" : " files"));
            err.flush();
        }
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String summary(Deployable deployable) {
        return "project " + deployable.getProject().id() + ", placement " + deployable.getPlacement().id() + ": "
                + count(deployable.getResources().size(), "resource") + ", "
                + count(deployable.getActivities().size(), "activity", "activities") + ", "
                + count(deployable.getBoundaries().size(), "boundary", "boundaries") + ", "
                + count(deployable.getArcs().size(), "arc");
    }

    private static String count(int n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static String json(LoadedProject loaded, List<Problem> problems) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("valid", problems.isEmpty());
        ArrayNode files = result.putArray("files");
        if (loaded != null && problems.isEmpty()) {
            for (LoadedFile file : loaded.files()) {
                ObjectNode node = files.addObject();
                node.put("file", file.display());
                node.put("format", file.format().name().toLowerCase());
                node.put("project", file.deployable().getProject().id());
                node.put("placement", file.deployable().getPlacement().id());
            }
        }
        ArrayNode list = result.putArray("problems");
        for (Problem problem : problems) {
            ObjectNode node = list.addObject();
            node.put("file", problem.file());
            if (problem.position() != null) {
                node.put("line", problem.position().line());
                node.put("column", problem.position().column());
            }
            if (problem.path() != null && !problem.path().isRoot()) {
                node.put("path", problem.path().toString());
            }
            node.put("message", problem.message());
        }
        try {
            return Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
