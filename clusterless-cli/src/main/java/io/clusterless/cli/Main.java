package io.clusterless.cli;

import io.clusterless.cli.command.EarlyJsii;
import io.clusterless.cli.command.JsiiLifecycle;
import io.clusterless.cli.command.ValidateCommand;
import io.clusterless.cli.config.ConfigFiles;
import io.clusterless.cli.config.Settings;
import io.clusterless.cli.context.ClassPathWarmup;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.Interruption;
import io.clusterless.cli.repeat.FastRepeat;
import io.clusterless.cli.repeat.Invocation;
import io.clusterless.cli.repeat.RepeatRecorder;
import io.clusterless.model.component.ServiceIndex;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of {@code cls}. {@link #run} exists so tests can capture output and exit codes; the command tree is
 * {@link CommandTree}'s, so that starting (and the repeat path, {@link FastRepeat}) loads no picocli class.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        long started = System.currentTimeMillis();
        // a repeat of a recorded synth over unchanged files is answered before anything beyond java.base is loaded
        Invocation invocation = null;
        if (FastRepeat.applies(args)) {
            invocation = Invocation.ofProcess(args, started);
            if (FastRepeat.serve(invocation, System.out, System.err)) {
                System.exit(0);
            }
        }
        if (!CommandTree.isVersion(args)) {
            withoutGroovyClosures();
        }
        if (warmsUpClassPath(args) && !ServiceIndex.present(Main.class.getClassLoader())) {
            // without the jar's index of cls's services, their lookup opens every jar of the class path: begun now,
            // it overlaps picocli's tree
            ClassPathWarmup.start(Main.class.getClassLoader());
        }
        // a synth that will run afresh starts jsii (node, its modules) now, overlapping picocli and the configuration
        EarlyJsii.startIfWanted(Arrays.asList(args));
        Interruption.Streams streams = Interruption.Streams.of(System.out, System.err);
        // jsii relays its node process's output through System.err: a signal mutes that too
        System.setOut(streams.outStream());
        System.setErr(streams.errStream());
        RepeatRecorder repeat = invocation == null ? null : recorder(invocation);
        PrintWriter out = new PrintWriter(repeat == null ? System.out : repeat.tee(System.out, true), true,
                StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(repeat == null ? System.err : repeat.tee(System.err, false), true,
                StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, err, System.in).repeat(repeat);
        Interruption.install(streams, context, Thread.currentThread());
        int code = run(context, args);
        if (Interruption.signalled()) {
            code = Interruption.signalCode(); // the command ended because the handler killed its children
        }
        out.flush();
        err.flush();
        // jsii's node exits while the repeat record is written (after a signal, the handler ended it already)
        Optional<Runnable> jsii = Interruption.signalled() ? Optional.empty() : JsiiLifecycle.beginStop();
        if (repeat != null) {
            repeat.write(code);
        }
        jsii.ifPresent(Runnable::run);
        System.exit(code);
    }

    /**
     * Whether to open the class path's jars on a thread of their own ({@link ClassPathWarmup}): for {@code validate}
     * only, which waits for it, parked. Measured for synth, the thread's extra CPU (it runs longer than the
     * same lookup on the main thread) slowed the run, where node and jsii's warm-up already share the two cores.
     */
    static boolean warmsUpClassPath(String... args) {
        return InvokedCommand.word(args).filter(ValidateCommand.NAME::equals).isPresent();
    }

    /** The system property by which picocli skips its lookup of Groovy's closure class. */
    static final String NO_GROOVY_CLOSURES = "picocli.disable.closures";

    /**
     * picocli looks for Groovy's {@code Closure} class when it first creates a command, for annotations written in
     * Groovy; cls has none, and the class loader searches every jar of the class path (~200) before it gives up, on
     * the main thread, ahead of the {@link ClassPathWarmup}. A value the caller set ({@code CLS_JAVA_OPTS}) stays.
     */
    static void withoutGroovyClosures() {
        if (System.getProperty(NO_GROOVY_CLOSURES) == null) {
            System.setProperty(NO_GROOVY_CLOSURES, "true");
        }
    }

    /** The recorder of this process's invocation, with the configuration files it may read as they are now. */
    public static RepeatRecorder recorder(Invocation invocation) {
        ConfigFiles files = new ConfigFiles(invocation.workingDirectory(),
                Path.of(invocation.properties().getOrDefault("user.home", "")));
        return new RepeatRecorder(invocation, configCandidates(files));
    }

    /**
     * Every configuration file a command may read: each namespace's global file, and its local file in every folder
     * from the working directory up to the home directory ({@link ConfigFiles#local} reads the nearest).
     */
    static List<Path> configCandidates(ConfigFiles files) {
        List<Path> candidates = new ArrayList<>();
        Path home = files.home().toAbsolutePath().normalize();
        for (String namespace : Settings.NAMESPACES) {
            candidates.add(files.global(namespace));
            for (Path dir = files.workingDirectory().toAbsolutePath().normalize(); dir != null && !dir.equals(home);
                 dir = dir.getParent()) {
                candidates.add(dir.resolve(files.localTarget(namespace).getFileName()));
            }
        }
        return candidates;
    }

    public static int run(PrintWriter out, PrintWriter err, InputStream in, String... args) {
        return run(new CliContext(out, err, in), args);
    }

    /** Runs one command line in {@code context}: its streams, directories and nothing else shared. */
    public static int run(CliContext context, String... args) {
        context.commands(Main::run);
        return CommandTree.run(context, args);
    }
}
