package io.clusterless.local.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How scenarios run, after the original's runner options.
 *
 * @param extStrs        external variables for {@code .jsonnet} scenario and project files
 * @param dryRun         load and check everything and say what would be written and watched, but run nothing
 * @param verifyOnly     only load and validate the scenarios' project files
 * @param disableDestroy keep each scenario's local root after a passed run (a failed run always keeps it)
 * @param stopOnFailure  run no further scenario once one has failed
 * @param jpaths         folders besides a {@code .jsonnet} file's own that its imports may read
 */
public record ScenarioOptions(Map<String, String> extStrs, boolean dryRun, boolean verifyOnly,
                              boolean disableDestroy, boolean stopOnFailure, List<Path> jpaths) {
    public ScenarioOptions {
        extStrs = extStrs == null ? Map.of() : Map.copyOf(extStrs);
        jpaths = jpaths == null ? List.of() : List.copyOf(jpaths);
    }

    public ScenarioOptions(Map<String, String> extStrs, boolean dryRun, boolean verifyOnly, boolean disableDestroy,
                           boolean stopOnFailure) {
        this(extStrs, dryRun, verifyOnly, disableDestroy, stopOnFailure, List.of());
    }

    public static ScenarioOptions defaults() {
        return new ScenarioOptions(Map.of(), false, false, false, false);
    }
}
