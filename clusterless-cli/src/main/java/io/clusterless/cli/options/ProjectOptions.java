package io.clusterless.cli.options;

import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.ProjectSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options of every command that reads project files: {@code cls deploy project.json} or {@code -p project.json}. */
public final class ProjectOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = {"-p", "--project"}, paramLabel = "FILE", split = ",",
            description = "Project file (.json, .yaml, .yml, .jsonnet), or - for stdin; the same as giving FILE "
                    + "as an argument. Repeat (or separate with commas) to load several files of one project.")
    private List<String> options = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "Project files, as with -p (cls deploy project.json).")
    private List<String> positional = new ArrayList<>();

    @Option(names = {"--ext-str"}, paramLabel = "KEY=VALUE",
            description = "External variable for Jsonnet files, read with std.extVar(\"KEY\") (repeatable).")
    private Map<String, String> extStrs = new LinkedHashMap<>();

    @Option(names = {"--jpath"}, paramLabel = "DIR",
            description = "Folder Jsonnet imports may read besides the project file's own, searched after the importing file's "
                    + "folder (repeatable). Imports anywhere else are refused.")
    private List<Path> jpaths = new ArrayList<>();

    public List<ProjectSource> sources() {
        List<String> files = files(options, positional);
        if (files.isEmpty()) {
            throw new ParameterException(command.commandLine(), missingFiles(command.qualifiedName()));
        }
        return sources(files, command.commandLine());
    }

    /** The files given with {@code -p} and as arguments, in that order. */
    public static List<String> files(List<String> options, List<String> positional) {
        List<String> files = new ArrayList<>();
        if (options != null) {
            files.addAll(options);
        }
        if (positional != null) {
            files.addAll(positional);
        }
        return files;
    }

    /** The usage error for a command run without any project file. */
    public static String missingFiles(String command) {
        return "which project? Give the project files as arguments (" + command + " project.json) or with "
                + "-p FILE";
    }

    /** Project files as sources; shared with commands that make them optional. */
    public static List<ProjectSource> sources(List<String> files, picocli.CommandLine commandLine) {
        List<ProjectSource> sources = new ArrayList<>();
        long stdin = files.stream().filter(ProjectSource.STDIN::equals).count();
        if (stdin > 1) {
            // a usage error (exit 2), like any other misuse of the options
            throw new ParameterException(commandLine, "-p - (stdin) may be given only once");
        }
        for (String file : files) {
            sources.add(ProjectSource.STDIN.equals(file)
                    ? new ProjectSource(ProjectSource.STDIN, null, null, null)
                    : ProjectSource.file(Path.of(file)));
        }
        return sources;
    }

    public Map<String, String> extStrs() {
        return extStrs;
    }

    /** {@code --ext-str} and {@code --jpath}, as the loader takes them. */
    public JsonnetOptions jsonnet() {
        return new JsonnetOptions(extStrs, jpaths);
    }
}
