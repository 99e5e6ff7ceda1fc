package io.clusterless.cli.context;

/**
 * Opens the jars of the class path on a daemon thread while picocli builds its tree ({@code Main} starts it for
 * {@code validate} where the class path has no index of cls's services, {@code ServiceIndex}: the CLI's jar has one,
 * so this serves runs from the build's class folders). The component plugins' {@link java.util.ServiceLoader} has to
 * look into every one of the ~200 jars, and opening them (aws-cdk-lib's index of 58,000 entries most of all) took
 * ~60 ms of a ~0.3 s {@code cls validate} on the main thread. The class loader keeps each jar open once opened, so
 * the command's lookup, after {@link #awaitOpened}, finds them ready.
 * <p>
 * The thread asks the loader for a class that no jar holds, which opens every jar in class path order, as picocli's
 * lookup of Groovy's closure class did on the main thread before ({@code Main.withoutGroovyClosures}). Nothing here
 * decides anything: the answer is dropped and a failure is left for the command's lookup to meet and report. It runs
 * only the loader's class path search, whose classes the launcher has initialised (jar files, the class path's
 * loaders), never a module's resource reader, so it takes part in no class-initialisation cycle with the command.
 */
public final class ClassPathWarmup implements Runnable {
    /** A class in a package of no jar: looking for it opens them all. */
    static final String ABSENT = "io.clusterless.cli.warmup.NotOnTheClassPath";

    /** The thread {@link #start} began, null before. */
    private static volatile Thread started;

    private final ClassLoader loader;

    private ClassPathWarmup(ClassLoader loader) {
        this.loader = loader;
    }

    /** Starts opening {@code loader}'s jars; the thread is a daemon, so it never holds up the end of the process. */
    public static Thread start(ClassLoader loader) {
        Thread thread = new Thread(new ClassPathWarmup(loader), "cls-class-path");
        thread.setDaemon(true);
        thread.start();
        started = thread;
        return thread;
    }

    /**
     * Waits until the thread {@link #start} began has opened every jar (at once when none was begun). A command calls
     * this before a lookup that reads every jar: parked here, instead of spinning on the class path's lock for the jar
     * the thread is opening, the main thread leaves the cores to that thread. Never from a class initialiser.
     */
    public static void awaitOpened() {
        Thread thread = started;
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the lookup then opens what is left itself
        }
    }

    @Override
    public void run() {
        try {
            Class.forName(ABSENT, false, loader);
        } catch (ClassNotFoundException | LinkageError | RuntimeException expected) {
            // not found, as intended; any other failure is the command's lookup's to meet and report
        }
    }
}
