package io.clusterless.cli;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;

/**
 * Opens the jars of the class path on a daemon thread while picocli builds its tree. The component plugins'
 * {@link java.util.ServiceLoader} (the first thing nearly every command does) has to look into every one of the ~200
 * jars, and opening them (aws-cdk-lib's index of 58,000 entries most of all) took ~60 ms of a ~0.3 s
 * {@code cls validate} on one core. The class loader keeps each jar open once opened, so the lookup the command makes
 * then finds them ready; it waits (the class path's own lock) for a jar this thread is still opening. Nothing here
 * decides anything: it makes the same lookup the registry makes and drops the answer, and any failure is left for that
 * lookup to meet and report. Only JDK classes the launcher has already initialised run on this thread, so it can
 * take part in no class-initialisation cycle with the command.
 */
final class ClassPathWarmup implements Runnable {
    /** The lookup {@code ComponentRegistry}'s ServiceLoader makes (a name, not the class: nothing of the model here). */
    static final String PLUGINS = "META-INF/services/io.clusterless.model.component.ComponentPlugin";

    private final ClassLoader loader;

    private ClassPathWarmup(ClassLoader loader) {
        this.loader = loader;
    }

    /** Starts opening {@code loader}'s jars; the thread is a daemon, so it never holds up the end of the process. */
    static Thread start(ClassLoader loader) {
        Thread thread = new Thread(new ClassPathWarmup(loader), "cls-class-path");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try {
            Enumeration<URL> found = loader.getResources(PLUGINS);
            while (found.hasMoreElements()) {
                found.nextElement();
            }
        } catch (IOException | RuntimeException e) {
            // the command's own lookup meets the same jar and reports it
        }
    }
}
