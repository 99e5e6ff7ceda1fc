package io.clusterless.cli.context;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Whether a person is at the other end: decides the approval guard, redrawn progress lines and colour. On JDK 22+
 * {@link System#console()} is not null with redirected output, so {@code Console.isTerminal()} decides where it
 * exists; before JDK 22 a console exists only when standard input and output are both terminals.
 */
public final class Terminal {
    private Terminal() {
    }

    /** Standard input and output are a terminal. */
    public static boolean detect() {
        return interactive(System.console());
    }

    public static boolean interactive(Console console) {
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * How wide a table may be: {@code COLUMNS} when set; on a terminal its width as {@code stty} reports it (the
     * shell keeps {@code COLUMNS} to itself unless exported), else 100; 0 (no limit) where output is not a terminal,
     * so logs and pipes keep every column.
     */
    public static int width(boolean terminal, Map<String, String> environment) {
        String columns = environment.get("COLUMNS");
        if (columns != null && columns.matches("\\d{1,4}") && Integer.parseInt(columns) > 0) {
            return Integer.parseInt(columns);
        }
        if (!terminal) {
            return 0;
        }
        return sttyColumns().orElse(DEFAULT_WIDTH);
    }

    private static final int DEFAULT_WIDTH = 100;

    private static java.util.OptionalInt sttyColumns() {
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)
                    .strip();
            if (stty.waitFor() == 0 && answer.matches("\\d+ \\d+")) {
                int columns = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
                return columns > 0 ? java.util.OptionalInt.of(columns) : java.util.OptionalInt.empty();
            }
        } catch (java.io.IOException e) {
            // no stty or no /dev/tty: the default width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.OptionalInt.empty();
    }

    /** Colour only on a terminal, and never when {@code NO_COLOR} is set to anything but the empty string. */
    public static boolean colour(boolean terminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(environment.get("TERM"));
    }
}
