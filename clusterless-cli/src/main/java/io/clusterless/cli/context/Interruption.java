package io.clusterless.cli.context;

import sun.misc.Signal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C and {@code kill}: one line ({@code cls: interrupted}), exit 130 (143 for SIGTERM), a stack trace only with
 * {@code -v}, and no process of ours left running (jsii's node, the CDK CLI, local workloads). Without this, the JVM's
 * default exit let jsii's node process print its own 26-line socket error after cls had gone, and left a cdk started
 * by cls running when only cls got the signal.
 */
public final class Interruption {
    /** The exit code of the signal received, 0 before any. */
    private static final AtomicInteger SIGNALLED = new AtomicInteger();
    private static final long CHILD_WAIT_SECONDS = 5;

    private Interruption() {
    }

    /** Output that can be silenced at once: after the one line, nothing a dying thread or child relays gets out. */
    static final class Mutable extends FilterOutputStream {
        private volatile boolean muted;

        Mutable(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (!muted) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!muted) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!muted) {
                out.flush();
            }
        }

        void mute() {
            muted = true;
        }
    }

    /** The process's own stdout and stderr, muted together on a signal. */
    public record Streams(Mutable out, Mutable err, OutputStream rawErr) {
        public static Streams of(PrintStream out, PrintStream err) {
            return new Streams(new Mutable(out), new Mutable(err), err);
        }

        public PrintStream outStream() {
            return new PrintStream(out, true, StandardCharsets.UTF_8);
        }

        public PrintStream errStream() {
            return new PrintStream(err, true, StandardCharsets.UTF_8);
        }
    }

    /**
     * Handles SIGINT and SIGTERM for the rest of the process (the real {@code cls} process only, never tests that run
     * commands in-process). A signal that the shell made this process ignore (a background job) stays ignored.
     */
    public static void install(Streams streams, CliContext context, Thread command) {
        for (String name : List.of("INT", "TERM")) {
            int code = name.equals("INT") ? ExitCodes.INTERRUPTED : ExitCodes.TERMINATED;
            try {
                Signal.handle(new Signal(name), signal -> stop(streams, context, command, code));
            } catch (IllegalArgumentException unavailable) {
                // the JVM uses it (-Xrs) or the OS refuses: the default behaviour stays
            }
        }
    }

    /**
     * Whether the process got a signal. Set before its children are killed, so a command that sees a child end
     * checks this first and then does nothing more: a cdk killed by us is no failed deploy to record.
     */
    public static boolean signalled() {
        return SIGNALLED.get() != 0;
    }

    /** The exit code for the signal received (130, 143); 0 before any. */
    public static int signalCode() {
        return SIGNALLED.get();
    }

    private static void stop(Streams streams, CliContext context, Thread command, int code) {
        if (!SIGNALLED.compareAndSet(0, code)) {
            return; // the first signal is being handled
        }
        StackTraceElement[] where = command.getStackTrace();
        streams.out().mute();
        streams.err().mute();
        PrintWriter err = new PrintWriter(streams.rawErr(), true, StandardCharsets.UTF_8);
        err.println(code == ExitCodes.INTERRUPTED ? "cls: interrupted" : "cls: terminated");
        if (context.verbosity() > 0) {
            err.println("the command was at:");
            for (StackTraceElement element : where) {
                err.println("\tat " + element);
            }
        }
        err.flush();
        terminateChildren();
        // exit, not halt: jsii's shutdown hook still removes its temporary files (its output is muted)
        System.exit(code);
    }

    /** Kills every process this one started and their children, and waits (bounded) until they are gone. */
    static void terminateChildren() {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(CHILD_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                // sent SIGKILL; a child that the kernel has not reaped yet cannot run on
            }
        }
    }

    /** An interruption somewhere in the cause chain, or the thread's interrupt flag set. */
    public static boolean causedBy(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                    || (cause instanceof InterruptedIOException && !(cause instanceof java.net.SocketTimeoutException))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
