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

    /** Colour only on a terminal, and never when {@code NO_COLOR} is set to anything but the empty string. */
    public static boolean colour(boolean terminal, Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(environment.get("TERM"));
    }
}
