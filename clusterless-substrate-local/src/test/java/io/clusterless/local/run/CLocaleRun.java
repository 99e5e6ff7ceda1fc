package io.clusterless.local.run;

import java.nio.file.Path;

/**
 * Runs examples/copy-chain until idle on a root prepared by {@link FileNamesRunTest}, in a JVM started under
 * {@code LC_ALL=C}; prints the run's failed count.
 */
public final class CLocaleRun {
    private CLocaleRun() {
    }

    public static void main(String[] args) throws Exception {
        LocalPlacement placement = new LocalPlacement(Path.of(args[0]), "copy-chain/project.json");
        RunProgress progress = placement.runUntilIdle();
        System.out.println("encoding=" + System.getProperty("sun.jnu.encoding") + " failed=" + progress.failed()
                + " arcRuns=" + progress.arcRuns());
    }
}
