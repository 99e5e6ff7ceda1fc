package io.clusterless.cli.command;

import io.clusterless.cli.context.VersionProvider;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.substrate.aws.synth.CacheHints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * jsii's start, begun by {@code Main} before the command line is parsed when the command will very likely
 * synthesize afresh: building picocli's model of the command and reading the configuration take ~0.1 s of a cold
 * synth, which jsii's start (node, its modules) then overlaps. The guess reads the arguments as words, never as
 * picocli does: a wrong guess only starts node for nothing or not early, the command decides everything else as
 * without it ({@link AwsSynthSupport#jsii}).
 */
public final class EarlyJsii {
    /** The commands that synthesize in this process. */
    static final Set<String> SYNTHESIZING = Set.of("synth", "verify", "diff", "deploy", "destroy");
    private static final Set<String> PROJECT = Set.of("-p", "--project");
    private static final Set<String> NO_START = Set.of("-h", "--help", "-V", "--version");

    private static CompletableFuture<Void> started;

    private EarlyJsii() {
    }

    /**
     * Starts jsii now if {@code args} will very likely synthesize afresh (see {@link #wanted}). Any other command line
     * costs a scan of its words.
     */
    public static synchronized void startIfWanted(List<String> args) {
        if (started == null && command(args) >= 0 && wanted(args, new CacheHints(AwsSynthSupport.cacheRoot()))) {
            started = JsiiLifecycle.start();
        }
    }

    /** jsii's start if {@link #startIfWanted} began it, once (later calls get null): the command's to await. */
    static synchronized CompletableFuture<Void> take() {
        CompletableFuture<Void> taken = started;
        started = null;
        return taken;
    }

    /**
     * Whether {@code args} name a synthesizing command that will not be served by the assembly cache: the first word
     * that is not an option is such a command, no help or version is asked for, and either {@code --no-cache} or
     * {@code --bootstrap} is given or every project file named (after {@code -p}/{@code --project}, or as a word
     * after the command that is a regular file) has no cache hint. Never for stdin, {@code @file} arguments or when no
     * project file can be found in the words: the command then decides when jsii starts, as before.
     */
    static boolean wanted(List<String> args, CacheHints hints) {
        int command = command(args);
        if (command < 0) {
            return false;
        }
        List<String> words = args.subList(command + 1, args.size());
        boolean fresh = false;
        List<ProjectSource> sources = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.startsWith("@") || NO_START.contains(word)) {
                return false;
            }
            fresh |= word.equals("--no-cache") || word.equals("--bootstrap");
            List<String> files = new ArrayList<>();
            if (PROJECT.contains(word) && i + 1 < words.size()) {
                files.addAll(List.of(words.get(++i).split(",", -1)));
            } else if (word.startsWith("--project=")) {
                files.addAll(List.of(word.substring("--project=".length()).split(",", -1)));
            } else if (!word.startsWith("-") && Files.isRegularFile(Path.of(word))) {
                files.add(word);
            }
            for (String file : files) {
                if (file.equals(ProjectSource.STDIN)) {
                    return false;
                }
                sources.add(ProjectSource.file(Path.of(file)));
            }
        }
        if (fresh) {
            return true;
        }
        if (sources.isEmpty()) {
            return false;
        }
        Optional<String> hint = CacheHints.of(sources, VersionProvider.version());
        return hint.isPresent() && !hints.present(hint);
    }

    /** Where the first word that is not an option is, if it is a synthesizing command; else -1. */
    private static int command(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("@")) {
                return -1;
            }
            if (!arg.startsWith("-")) {
                return SYNTHESIZING.contains(arg) ? i : -1;
            }
        }
        return -1;
    }
}
