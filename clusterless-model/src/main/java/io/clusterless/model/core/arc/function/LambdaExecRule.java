package io.clusterless.model.core.arc.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * A lambdaExecArc's function can run: a supported runtime, a handler of its language's form that exists in the code,
 * code inside the project folder, within Lambda's limits, with its declared dependencies vendored (cls zips the folder
 * as it is).
 */
final class LambdaExecRule implements ComponentRule<LambdaExecArc> {
    /** Lambda's limit on the unzipped code of a function (250 MB). */
    static final long MAX_UNZIPPED_BYTES = 250L * 1024 * 1024;
    /** Lambda's limit on the total size of a function's environment variables (4 KB). */
    static final int MAX_ENVIRONMENT_BYTES = 4 * 1024;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PYTHON_HANDLER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+");
    private static final Pattern NODE_HANDLER = Pattern.compile("([A-Za-z0-9_.\\-]+/)*[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)*\\.[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern JAVA_CLASS = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Set by Lambda itself; a function may not override them. */
    private static final Set<String> RESERVED_ENV = Set.of("_HANDLER", "_X_AMZN_TRACE_ID", "AWS_DEFAULT_REGION",
            "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR");

    @Override
    public Concern concern() {
        return Concern.SETTINGS;
    }

    @Override
    public void check(Located<LambdaExecArc> arc, RuleContext context, List<Problem> problems) {
        LambdaExecSettings workload = arc.value().getWorkload();
        environment(arc, workload.getEnvironment(), problems);
        FunctionRuntime runtime = workload.functionRuntime().orElse(null);
        if (runtime == null) {
            problems.add(arc.problemAt("runtime \"" + workload.getRuntime() + "\" is not supported; use one of "
                    + FunctionRuntime.allIds(), "workload", "runtime"));
            return;
        }
        runtime.retired().ifPresent(why -> problems.add(arc.problemAt("runtime \"" + runtime.id()
                + "\" cannot be deployed: " + why, "workload", "runtime")));
        String handler = workload.getHandler() == null ? "" : workload.getHandler();
        if (!handlerForm(runtime.language(), handler)) {
            problems.add(arc.problemAt("handler \"" + handler + "\" is not a " + runtime.language().displayName()
                    + " handler; write " + handlerHint(runtime.language()), "workload", "handler"));
            return;
        }
        Path projectFile = arc.file().source().path();
        if (projectFile != null) {
            code(arc, runtime.language(), handler, workload.getCodePath(),
                    projectFile.toAbsolutePath().normalize().getParent(),
                    problems);
        } else if (workload.getCodePath() == null || workload.getCodePath().isBlank()) {
            problems.add(arc.problemAt(codePathHint(runtime.language()), "workload", "codePath"));
        }
    }

    static boolean handlerForm(FunctionRuntime.Language language, String handler) {
        return switch (language) {
            case PYTHON -> PYTHON_HANDLER.matcher(handler).matches();
            case NODE -> NODE_HANDLER.matcher(handler).matches();
            case JAVA -> {
                String[] parts = handler.split("::", -1);
                yield parts.length <= 2 && JAVA_CLASS.matcher(parts[0]).matches()
                        && (parts.length == 1 || IDENTIFIER.matcher(parts[1]).matches());
            }
        };
    }

    private static String handlerHint(FunctionRuntime.Language language) {
        return switch (language) {
            case PYTHON -> "module.function, e.g. \"reformat.handler\" for def handler(event, context) in reformat.py";
            case NODE -> "file.function, e.g. \"index.handler\" for exports.handler in index.js (or index.mjs)";
            case JAVA -> "package.Class::method, or package.Class implementing RequestHandler";
        };
    }

    private static String codePathHint(FunctionRuntime.Language language) {
        return language == FunctionRuntime.Language.JAVA
                ? "codePath must name the function's .jar or .zip file, relative to the project file"
                : "codePath must name the function's folder, relative to the project file";
    }

    private void code(Located<LambdaExecArc> arc, FunctionRuntime.Language language, String handler, String codePath,
                      Path projectDir, List<Problem> problems) {
        if (codePath == null || codePath.isBlank()) {
            problems.add(arc.problemAt(codePathHint(language), "workload", "codePath"));
            return;
        }
        Path code = projectDir.resolve(codePath).normalize();
        if (!code.startsWith(projectDir) || !Files.exists(code)) {
            problems.add(arc.problemAt("codePath \"" + codePath + "\" " + (code.startsWith(projectDir)
                    ? "does not exist (looked at " + code + ")" + (language == FunctionRuntime.Language.JAVA
                    ? "; build the jar first" : "")
                    : "is outside the project folder " + projectDir) + "; " + codePathHint(language),
                    "workload", "codePath"));
            return;
        }
        try {
            // a symlink must not lead the zip outside the project folder either
            if (!code.toRealPath().startsWith(projectDir.toRealPath())) {
                problems.add(arc.problemAt("codePath \"" + codePath + "\" leads outside the project folder "
                        + projectDir + " through a symbolic link; " + codePathHint(language), "workload", "codePath"));
                return;
            }
            boolean archive = Files.isRegularFile(code);
            String name = code.getFileName().toString().toLowerCase(Locale.ROOT);
            if (language == FunctionRuntime.Language.JAVA ? !archive || !(name.endsWith(".jar") || name.endsWith(".zip"))
                    : !Files.isDirectory(code)) {
                problems.add(arc.problemAt("codePath \"" + codePath + "\" is not " + (language
                        == FunctionRuntime.Language.JAVA ? "a .jar or .zip file" : "a folder") + "; "
                        + codePathHint(language), "workload", "codePath"));
                return;
            }
            long size = archive ? unzippedSize(code) : folderSize(code);
            if (size > MAX_UNZIPPED_BYTES) {
                problems.add(arc.problemAt("codePath \"" + codePath + "\" holds " + size / (1024 * 1024)
                        + " MB unzipped, over Lambda's limit of 250 MB; leave out what the function does not need",
                        "workload", "codePath"));
                return;
            }
            String missing = switch (language) {
                case PYTHON -> pythonHandlerMissing(code, handler);
                case NODE -> nodeHandlerMissing(code, handler);
                case JAVA -> javaHandlerMissing(code, handler);
            };
            if (missing != null) {
                problems.add(arc.problemAt("handler \"" + handler + "\": " + missing, "workload", "handler"));
            }
            String unvendored = switch (language) {
                case PYTHON -> pythonUnvendored(code, codePath);
                case NODE -> nodeUnvendored(code, codePath);
                case JAVA -> null;
            };
            if (unvendored != null) {
                problems.add(arc.problemAt(unvendored, "workload", "codePath"));
            }
        } catch (IOException e) {
            problems.add(arc.problemAt("cannot read codePath \"" + codePath + "\": " + e.getMessage(), "workload",
                    "codePath"));
        }
    }

    private static void environment(Located<LambdaExecArc> arc, Map<String, String> environment,
                                    List<Problem> problems) {
        if (environment == null) {
            return;
        }
        int bytes = 0;
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            String name = entry.getKey();
            bytes += name.length() + (entry.getValue() == null ? 0 : entry.getValue().getBytes(
                    java.nio.charset.StandardCharsets.UTF_8).length);
            if (!ENV_NAME.matcher(name).matches()) {
                problems.add(arc.problemAt("environment variable name \"" + name + "\" is not valid on Lambda; use "
                        + "letters, digits and _, starting with a letter", "workload", "environment", name));
            } else if (RESERVED_ENV.contains(name)) {
                problems.add(arc.problemAt("environment variable " + name + " is set by Lambda itself and cannot be "
                        + "overridden; choose another name", "workload", "environment", name));
            }
        }
        if (bytes > MAX_ENVIRONMENT_BYTES) {
            problems.add(arc.problemAt("environment variables take " + bytes + " bytes, over Lambda's limit of "
                    + MAX_ENVIRONMENT_BYTES + "; pass large settings in a file of the code folder", "workload",
                    "environment"));
        }
    }

    private static String pythonHandlerMissing(Path code, String handler) {
        String module = handler.substring(0, handler.lastIndexOf('.')).replace('.', '/');
        if (Files.isRegularFile(code.resolve(module + ".py")) || Files.isRegularFile(code.resolve(module)
                .resolve("__init__.py"))) {
            return null;
        }
        return "no module " + module + ".py in " + code;
    }

    private static String nodeHandlerMissing(Path code, String handler) {
        String file = handler.substring(0, handler.lastIndexOf('.'));
        for (String extension : List.of(".js", ".mjs", ".cjs")) {
            if (Files.isRegularFile(code.resolve(file + extension))) {
                return null;
            }
        }
        return "no file " + file + ".js, " + file + ".mjs or " + file + ".cjs in " + code;
    }

    private static String javaHandlerMissing(Path jar, String handler) throws IOException {
        String className = handler.split("::")[0];
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(className.replace('.', '/') + ".class") == null
                    ? "no class " + className + " in " + jar : null;
        }
    }

    /** One line naming the npm command, when package.json declares dependencies node_modules lacks. */
    private static String nodeUnvendored(Path code, String codePath) throws IOException {
        Path manifest = code.resolve("package.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        JsonNode dependencies;
        try {
            dependencies = new ObjectMapper().readTree(manifest.toFile()).path("dependencies");
        } catch (IOException e) {
            return codePath + "/package.json is not valid JSON: " + e.getMessage().lines().findFirst().orElse("");
        }
        List<String> missing = new ArrayList<>();
        for (Iterator<String> names = dependencies.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Files.isRegularFile(code.resolve("node_modules").resolve(name).resolve("package.json"))) {
                missing.add(name);
            }
        }
        return missing.isEmpty() ? null : "package.json declares " + String.join(", ", missing) + " but "
                + codePath + "/node_modules lacks " + (missing.size() == 1 ? "it" : "them") + " (cls zips the folder "
                + "as it is); run: npm install --omit=dev --prefix " + codePath;
    }

    /** One line naming the pip command, when requirements.txt lists packages not installed into the folder. */
    private static String pythonUnvendored(Path code, String codePath) throws IOException {
        Path requirements = code.resolve("requirements.txt");
        if (!Files.isRegularFile(requirements)) {
            return null;
        }
        Set<String> vendored = new java.util.HashSet<>();
        try (Stream<Path> entries = Files.list(code)) {
            entries.forEach(entry -> {
                String name = entry.getFileName().toString();
                if (name.endsWith(".dist-info") || name.endsWith(".egg-info")) {
                    // distribution names: name-version.dist-info
                    vendored.add(normalize(name.substring(0, name.indexOf('-') < 0 ? name.lastIndexOf('.')
                            : name.indexOf('-'))));
                }
            });
        }
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(requirements)) {
            String requirement = line.replaceAll("#.*", "").trim();
            if (requirement.isEmpty() || requirement.startsWith("-")) {
                continue; // options such as -r, -i: not a package
            }
            String name = requirement.split("[\\s\\[<>=!~;@]", 2)[0];
            if (!vendored.contains(normalize(name))) {
                missing.add(name);
            }
        }
        return missing.isEmpty() ? null : "requirements.txt lists " + String.join(", ", missing) + " but " + codePath
                + " does not hold " + (missing.size() == 1 ? "it" : "them") + " (cls zips the folder as it is); run: "
                + "pip install -r " + codePath + "/requirements.txt --target " + codePath;
    }

    /** PEP 503: case, '-', '_' and '.' do not distinguish distribution names. */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static long unzippedSize(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().mapToLong(entry -> Math.max(0, entry.getSize())).sum();
        }
    }
}
