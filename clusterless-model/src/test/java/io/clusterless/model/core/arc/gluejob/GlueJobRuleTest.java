package io.clusterless.model.core.arc.gluejob;

import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What `cls validate` says about a glueJobArc that Glue would refuse or cls could not run, one located line each. */
class GlueJobRuleTest {
    @TempDir
    Path project;

    @BeforeEach
    void script() throws IOException {
        Files.createDirectories(project.resolve("jobs"));
        Files.writeString(project.resolve("jobs/features.py"), "print('hi')\n");
    }

    @Test
    void aPythonShellJobAndASparkJobWithDefaultsAreValid() throws IOException {
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"jobType\": \"pythonshell\"")).isEmpty();
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"glueVersion\": \"4.0\", \"workerType\": "
                + "\"G.2X\", \"numberOfWorkers\": 4, \"arguments\": {\"--mode\": \"full\"}")).isEmpty();
    }

    @Test
    void theScriptMustBeAPythonFileBesideTheProjectFile() throws IOException {
        assertThat(problems("\"jobType\": \"pythonshell\"")).containsExactly(
                "arcs[0].workload.scriptPath: scriptPath is required: the job's Python script, relative to the "
                        + "project file");
        assertThat(problems("\"scriptPath\": \"jobs/missing.py\"")).singleElement().asString()
                .startsWith("arcs[0].workload.scriptPath: scriptPath \"jobs/missing.py\" is not a file (looked at ");
        assertThat(problems("\"scriptPath\": \"../x.py\"")).singleElement().asString()
                .startsWith("arcs[0].workload.scriptPath: scriptPath \"../x.py\" is outside the project folder");
        assertThat(problems("\"scriptPath\": \"jobs/Main.scala\"")).containsExactly(
                "arcs[0].workload.scriptPath: scriptPath \"jobs/Main.scala\" is not a Python script (.py); cls runs "
                        + "Python Glue jobs only");
    }

    @Test
    void theJobTypeIsGlueetlOrPythonshell() throws IOException {
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"jobType\": \"gluestreaming\"")).containsExactly(
                "arcs[0].workload.jobType: jobType \"gluestreaming\" is not a Glue job type cls runs; use glueetl "
                        + "(Spark) or pythonshell");
    }

    @Test
    void aPythonShellJobTakesNoWorkersAndRunsOnGlue30() throws IOException {
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"jobType\": \"pythonshell\", \"glueVersion\": "
                + "\"5.0\", \"workerType\": \"G.1X\", \"numberOfWorkers\": 2, \"maxCapacity\": 2")).containsExactly(
                "arcs[0].workload.glueVersion: glueVersion 5.0 does not run pythonshell jobs; use 3.0 (Python 3.9) "
                        + "or leave it out",
                "arcs[0].workload.workerType: workerType is for glueetl jobs; a pythonshell job runs on maxCapacity "
                        + "(0.0625 or 1): remove workerType",
                "arcs[0].workload.numberOfWorkers: numberOfWorkers is for glueetl jobs; a pythonshell job runs on "
                        + "maxCapacity (0.0625 or 1): remove numberOfWorkers",
                "arcs[0].workload.maxCapacity: maxCapacity 2.0 is not one Glue takes for pythonshell jobs; use "
                        + "0.0625 or 1");
    }

    @Test
    void aSparkJobRefusesWorkerAndVersionCombinationsGlueRefuses() throws IOException {
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"glueVersion\": \"2.0\", \"workerType\": "
                + "\"G.8X\", \"numberOfWorkers\": 1, \"maxCapacity\": 1")).containsExactly(
                "arcs[0].workload.workerType: workerType G.8X needs glueVersion 3.0 or later; use G.1X or G.2X on 2.0",
                "arcs[0].workload.numberOfWorkers: numberOfWorkers 1 is too few for a glueetl job; use 2 or more",
                "arcs[0].workload.maxCapacity: maxCapacity is for pythonshell jobs; a glueetl job's capacity is "
                        + "workerType and numberOfWorkers: remove maxCapacity");
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"glueVersion\": \"1.0\", \"workerType\": "
                + "\"G.025X\"")).containsExactly(
                "arcs[0].workload.glueVersion: glueVersion 1.0 does not run glueetl jobs; use 2.0, 3.0, 4.0 or 5.0",
                "arcs[0].workload.workerType: workerType G.025X is not a glueetl worker type; use one of [G.1X, "
                        + "G.2X, G.4X, G.8X]");
    }

    @Test
    void argumentsAreDashedAndLeaveClsPrefixAlone() throws IOException {
        assertThat(problems("\"scriptPath\": \"jobs/features.py\", \"timeoutMin\": 0, \"arguments\": "
                + "{\"mode\": \"x\", \"--cls-lot\": \"y\"}")).containsExactly(
                "arcs[0].workload.timeoutMin: timeoutMin 0 is out of Glue's range; use 1 to 2880",
                "arcs[0].workload.arguments.mode: argument \"mode\" must be named --name, as Glue passes it",
                "arcs[0].workload.arguments[\"--cls-lot\"]: argument --cls-lot uses the --cls- prefix, which is cls's "
                        + "own; rename it");
    }

    private List<String> problems(String workload) throws IOException {
        String text = """
                {
                  "project": {"name": "Features", "version": "1"},
                  "placement": {"provider": "aws", "stage": "dev", "account": "123456789012", "region": "us-west-2"},
                  "boundaries": [
                    {"type": "aws:core:s3PutListenerBoundary", "name": "events", "lotUnit": "Twelfths",
                     "eventArrival": "frequent",
                     "dataset": {"name": "events", "version": "1", "pathURI": "s3://events-raw/csv/"}}
                  ],
                  "arcs": [
                    {"type": "aws:core:glueJobArc", "name": "features",
                     "sources": {"main": {"name": "events", "version": "1"}},
                     "sinks": {"main": {"name": "features", "version": "1", "pathURI": "s3://events-raw/features/"}},
                     "workload": {WORKLOAD}}
                  ]
                }
                """.replace("WORKLOAD", workload);
        Path file = project.resolve("project.json");
        Files.writeString(file, text);
        try {
            LoadedProject loaded = new ProjectLoader().loadAll(List.of(ProjectSource.file(file)));
            return new ProjectValidator().validate(loaded, ValidationOptions.offline()).stream()
                    .map(Problem::format).map(line -> line.replaceFirst("^[^ ]*project\\.json:\\d+:\\d+: ", ""))
                    .toList();
        } catch (ProblemException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
    }
}
