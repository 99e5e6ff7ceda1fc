package io.clusterless.cli;

import picocli.CommandLine.Command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command a command line invokes, read before picocli builds the tree, so that only that command's branch is
 * built. Anything this does not recognise for certain (help, an unknown word, an option it does not know, an
 * {@code @file}) gives no command, and the caller builds the whole tree: the result is then exactly what the whole
 * tree gives, only slower.
 */
final class InvokedCommand {
    /** {@link ClsCommand}'s options that take a value in the next argument. */
    private static final Set<String> WITH_VALUE = Set.of("-P", "--providers", "--output", "-D", "--property");
    /** {@link ClsCommand}'s options in one argument: -v, -vv, its valued options with the value attached. */
    private static final Pattern WHOLE = Pattern.compile("-v+|--verbose|-[PD].+|--(providers|output|property)=.*");
    /** Commands that read the other commands of the tree (help lists them, completion describes them). */
    private static final Set<String> NEED_THE_TREE = Set.of("help", "completion");

    private InvokedCommand() {
    }

    /** The top-level command of {@code commands} that {@code args} invoke, if known for certain. */
    static Optional<Class<?>> of(String[] args, List<Class<?>> commands) {
        return word(args).flatMap(word -> commands.stream().filter(command -> names(command).contains(word))
                .findFirst());
    }

    /**
     * The word {@code args} give where {@code cls} expects its command (after the root's options), if it may name one:
     * none when that place holds an option, an {@code @file}, help or completion, or nothing.
     */
    static Optional<String> word(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (!WHOLE.matcher(arg).matches()) {
                return arg.startsWith("-") || arg.startsWith("@") || NEED_THE_TREE.contains(arg) ? Optional.empty()
                        : Optional.of(arg);
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        if (annotation == null) {
            return List.of();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(annotation.name()),
                java.util.stream.Stream.of(annotation.aliases())).toList();
    }
}
