package io.clusterless.model.load;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates Jsonnet to JSON text with sjsonnet, in-process. Imports resolve relative to the importing file, then in
 * the {@code --jpath} folders, and only inside the project file's folder or those folders ({@link JsonnetImports});
 * {@code --ext-str} values are passed as external variables. Evaluation runs on its own thread with a fixed stack,
 * so pathological input fails with a message instead of overflowing the caller's stack.
 */
public final class JsonnetEvaluator {
    private static final long STACK_BYTES = 64L * 1024 * 1024;
    /** Generating a project takes milliseconds; half a minute means a runaway program. */
    private static final long TIMEOUT_MILLIS = 30_000;
    private static final Pattern LOCATION = Pattern.compile("\\(([^():]+):(\\d+):(\\d+)\\)");

    private JsonnetEvaluator() {
    }

    /**
     * @param display how the file is named in messages
     * @param file    the file to evaluate, or null to evaluate {@code code} read from stdin
     * @param code    the source text (already read, for the depth check)
     * @param extStrs external variables
     */
    public static String evaluate(String display, Path file, String code, Map<String, String> extStrs) {
        return evaluate(display, file, code, extStrs, List.of());
    }

    /**
     * @param jpaths folders imports may read from besides the project file's folder, searched in order after the
     *               importing file's folder
     */
    public static String evaluate(String display, Path file, String code, Map<String, String> extStrs,
                                  List<Path> jpaths) {
        return evaluate(display, file, code, extStrs, jpaths, ImportWatcher.NONE);
    }

    /** @param watcher told of every file an import looked for */
    public static String evaluate(String display, Path file, String code, Map<String, String> extStrs,
                                  List<Path> jpaths, ImportWatcher watcher) {
        int depth = nestingDepth(code);
        if (depth > io.clusterless.json.Json.MAX_NESTING_DEPTH) {
            throw new ProblemException(Problem.of(display, "nesting is deeper than "
                    + io.clusterless.json.Json.MAX_NESTING_DEPTH + " levels; project files are only a few levels deep"));
        }
        List<String> args = new ArrayList<>();
        Path workingDir;
        if (file != null) {
            Path absolute = file.toAbsolutePath().normalize();
            workingDir = absolute.getParent();
            args.add(absolute.toString());
        } else {
            workingDir = Path.of("").toAbsolutePath();
            args.add("--exec");
            args.add(code);
        }
        Path shown = file == null ? null : Path.of(display).getParent();
        JsonnetImports imports = new JsonnetImports(workingDir, file == null ? "the working directory"
                : shown == null ? "." : shown.toString(), jpaths, watcher);
        extStrs.forEach((key, value) -> {
            args.add("--ext-str");
            args.add(key + "=" + value);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicReference<Integer> exit = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                exit.set(run(args.toArray(String[]::new), workingDir, imports, out, err));
            } catch (Throwable e) { // NOPMD: every failure of the evaluator becomes a message
                failure.set(e);
            }
        }, "jsonnet", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.of(display, "Jsonnet evaluation interrupted"));
        }
        if (thread.isAlive()) {
            throw new ProblemException(Problem.of(display, "Jsonnet evaluation did not finish within "
                    + TIMEOUT_MILLIS / 1000 + " s; check for unbounded recursion or huge ranges"));
        }
        if (failure.get() instanceof StackOverflowError) {
            throw new ProblemException(Problem.of(display, "Jsonnet evaluation recursed too deeply; check for "
                    + "unbounded recursion"));
        }
        if (failure.get() instanceof OutOfMemoryError) {
            throw new ProblemException(Problem.of(display, "Jsonnet evaluation ran out of memory; check for huge "
                    + "ranges or unbounded recursion"));
        }
        if (failure.get() != null) {
            throw new ProblemException(Problem.of(display, "Jsonnet evaluation failed: " + failure.get()));
        }
        if (out.size() > ProjectText.MAX_BYTES) {
            throw new ProblemException(Problem.of(display, "Jsonnet output is larger than "
                    + ProjectText.MAX_BYTES / (1024 * 1024) + " MiB; project files are small"));
        }
        if (exit.get() != 0) {
            throw new ProblemException(errorProblem(display, file, err.toString(StandardCharsets.UTF_8),
                    imports.refusal()));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int run(String[] args, Path workingDir, JsonnetImports imports, ByteArrayOutputStream out,
                           ByteArrayOutputStream err) {
        os.Path wd = os.Path.apply(workingDir, os.PathConvertible.NioPathConvertible$.MODULE$);
        return sjsonnet.SjsonnetMain.main0(args, new sjsonnet.DefaultParseCache(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), wd,
                sjsonnet.SjsonnetMain.main0$default$7(), scala.Option.apply(imports),
                sjsonnet.SjsonnetMain.main0$default$9());
    }

    /** sjsonnet prints {@code sjsonnet.Error: message} then {@code at [...].(file:line:col)} frames. */
    static Problem errorProblem(String display, Path file, String stderr, String refusal) {
        String[] lines = stderr.strip().split("\\R");
        String message = lines.length == 0 || lines[0].isBlank() ? "Jsonnet evaluation failed" : lines[0];
        if (refusal != null && message.matches("^sjsonnet\\.[A-Za-z]*Error:\\s*Couldn't import file:.*")) {
            return located(display, file, lines, refusal);
        }
        message = message.replaceFirst("^sjsonnet\\.[A-Za-z]*Error:\\s*", "")
                .replaceFirst("^sjsonnet\\.[A-Za-z.]*Exception:\\s*", "")
                // parse errors repeat the position the problem already carries: Expected "}":8:82, found ...
                .replaceFirst("^(Expected .*?):\\d+:\\d+, found ", "$1, found ")
                .replaceFirst("^(Unknown extVar: (.+))$", "$1; pass it with --ext-str $2=VALUE");
        return located(display, file, lines, "Jsonnet error: " + message);
    }

    private static Problem located(String display, Path file, String[] lines, String message) {
        for (String line : lines) {
            Matcher matcher = LOCATION.matcher(line);
            if (matcher.find()) {
                String where = matcher.group(1);
                // code from stdin is evaluated with --exec, which sjsonnet calls <exec>
                boolean main = file == null ? where.equals("<exec>")
                        : where.equals(file.getFileName().toString());
                String shown = main ? display : besideMain(display, file, where);
                return Problem.at(shown, new Position(Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3))), message);
            }
        }
        return Problem.of(display, message);
    }

    /** sjsonnet names imported files relative to the main file's directory; name them as the main file is named. */
    private static String besideMain(String display, Path file, String where) {
        Path parent = file == null ? null : Path.of(display).getParent();
        return parent == null ? where : parent.resolve(where).normalize().toString();
    }

    /** Bracket depth outside strings and comments; cheap, and enough to refuse hostile nesting up front. */
    static int nestingDepth(String code) {
        int depth = 0;
        int max = 0;
        int n = code.length();
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < n && code.charAt(i) != c; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '#' || (c == '/' && i + 1 < n && code.charAt(i + 1) == '/')) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '{' || c == '[' || c == '(') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            }
        }
        return max;
    }
}
