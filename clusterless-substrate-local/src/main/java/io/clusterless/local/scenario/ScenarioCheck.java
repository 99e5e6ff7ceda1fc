package io.clusterless.local.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;

/**
 * The problems of a scenario before anything runs, one line each naming the file and field. A scenario must be able
 * to fail: one that watches nothing, or expects zero objects, would pass whatever the projects did.
 */
public final class ScenarioCheck {
    private ScenarioCheck() {
    }

    public static List<String> problems(Path file, Scenario scenario) {
        List<String> problems = new ArrayList<>();
        if (scenario.projectFiles().isEmpty()) {
            problems.add(file + ": projectFiles is empty; name the project files the scenario places");
        }
        if (scenario.watchedStores().isEmpty()) {
            problems.add(file + ": watchedStores is empty; a scenario that watches no store passes whatever "
                    + "happens, so name at least one");
        }
        for (int i = 0; i < scenario.ingressStores().size(); i++) {
            Scenario.IngressStore store = scenario.ingressStores().get(i);
            String field = file + ": ingressStores[" + i + "].";
            if (store.path() == null || !store.path().startsWith("s3://")) {
                problems.add(field + "path is " + store.path() + "; give an s3://bucket/prefix/ URI");
            }
            if (store.objectCount() < 1) {
                problems.add(field + "objectCount is " + store.objectCount() + "; give at least 1 (default 3)");
            }
            if (store.uploadDelaySec() < 0) {
                problems.add(field + "uploadDelaySec is " + store.uploadDelaySec() + "; give 0 or more seconds");
            }
            checkFormat(problems, field + "objectName", store.objectName(), "(iteration, epoch millis)", 1, 0L);
            checkFormat(problems, field + "record.value", store.record().value(), "(line index)", 0);
        }
        for (int i = 0; i < scenario.watchedStores().size(); i++) {
            Scenario.WatchedStore watched = scenario.watchedStores().get(i);
            String field = file + ": watchedStores[" + i + "].";
            boolean glue = ScenarioRunner.isGlue(watched);
            if (!glue && !"s3".equalsIgnoreCase(watched.watchType())) {
                problems.add(field + "watchType is " + watched.watchType() + "; give s3 or glue");
            }
            String scheme = glue ? "glue://" : "s3://";
            if (watched.path() == null || !watched.path().startsWith(scheme)) {
                problems.add(field + "path is " + watched.path() + "; give a " + scheme + " URI");
            }
            if (watched.objectCount() < 1) {
                problems.add(field + "objectCount is " + watched.objectCount()
                        + "; give at least 1 (default 3): a count of 0 passes without checking anything");
            }
        }
        return problems;
    }

    private static void checkFormat(List<String> problems, String field, String format, String arguments,
                                    Object... values) {
        try {
            String.format(format, values);
        } catch (IllegalFormatException e) {
            problems.add(field + " '" + format + "' is not a format of " + arguments + ": " + e.getMessage());
        }
    }
}
