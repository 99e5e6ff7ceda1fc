package io.clusterless.cli.context;

/** Exit codes of every {@code cls} command. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** Ctrl-C (SIGINT) or an interrupted command thread: 128 + 2, as shells report it. */
    public static final int INTERRUPTED = 130;
    /** SIGTERM: 128 + 15. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
