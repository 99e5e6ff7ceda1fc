package io.clusterless.model.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.json.Json;
import io.clusterless.model.Architecture;
import io.clusterless.model.BatchRuntimeProps;
import io.clusterless.model.Deployable;
import io.clusterless.model.LambdaRuntimeProps;
import io.clusterless.model.Resource;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partial nested object in a project file is laid over the component's own defaults (reference §8: the original
 * replaced the whole object, so `runtimeProps: {memorySizeMB: 512}` silently dropped to 0 retries and 5 minutes).
 */
class MergeDefaultsTest {
    private final ProjectLoader loader = new ProjectLoader();

    @Test
    void partialRuntimePropsOnABoundaryKeepsTheBoundaryDefaultsForOmittedFields() {
        // GIVEN a boundary that sets only the memory of its Lambda
        Deployable deployable = load(boundary("\"runtimeProps\": {\"memorySizeMB\": 2048}"));

        // WHEN its runtime props are read
        LambdaRuntimeProps props = boundaryOf(deployable).getRuntimeProps();

        // THEN the memory is the user's and the rest are the boundary's defaults (1024/3/15/ARM_64), not the bare
        // class defaults the original fell back to (0 retries, 5 min)
        assertThat(props.getMemorySizeMB()).isEqualTo(2048);
        assertThat(props.getRetryAttempts()).isEqualTo(3);
        assertThat(props.getTimeoutMin()).isEqualTo(15);
        assertThat(props.getArchitecture()).isEqualTo(Architecture.ARM_64);
    }

    @Test
    void partialBatchRuntimePropsKeepTheBatchDefaultsAndLeaveTheLambdaPropsAlone() {
        // GIVEN a batch arc that sets only the memory of its job
        Deployable deployable = load(project("""
                "resources": [{"type": "aws:core:computeEnvironment", "name": "compute", "computeEnvironmentName": "c"}],
                "arcs": [{"type": "aws:core:batchExecArc", "name": "convert",
                          "sources": {"main": {"name": "in", "version": "1"}},
                          "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://dev-demo-data/out/"}},
                          "workload": {"computeEnvironmentRef": "compute", "imagePath": "app",
                                       "batchRuntimeProps": {"memorySizeMB": 2048}}}]
                """));

        BatchExecArc arc = (BatchExecArc) deployable.getArcs().get(0);
        BatchRuntimeProps batch = arc.getWorkload().getBatchRuntimeProps();
        LambdaRuntimeProps lambda = arc.getWorkload().getLambdaRuntimeProps();

        // THEN the job keeps the Batch defaults (0 retries, 60 min, X86_64), which differ from the Lambda ones
        assertThat(batch.getMemorySizeMB()).isEqualTo(2048);
        assertThat(batch.getRetryAttempts()).isZero();
        assertThat(batch.getTimeoutMin()).isEqualTo(60);
        assertThat(batch.getArchitecture()).isEqualTo(Architecture.X86_64);
        assertThat(lambda.getMemorySizeMB()).isEqualTo(512);
        assertThat(lambda.getRetryAttempts()).isEqualTo(3);
        assertThat(lambda.getTimeoutMin()).isEqualTo(15);
        assertThat(lambda.getArchitecture()).isEqualTo(Architecture.ARM_64);
    }

    @Test
    void partialObjectsMergeAtEveryDepth() {
        // GIVEN an arc workload that sets one field two levels down and nothing else
        Deployable deployable = load(project("""
                "arcs": [{"type": "aws:core:s3CopyArc", "name": "copy",
                          "sources": {"main": {"name": "in", "version": "1"}},
                          "sinks": {"main": {"name": "out", "version": "1", "pathURI": "s3://dev-demo-data/out/"}},
                          "workload": {"workloadProps": {"filter": {"ignoreCase": true}}}}]
                """));

        S3CopyArc arc = (S3CopyArc) deployable.getArcs().get(0);

        // THEN its siblings at each level keep their defaults
        assertThat(arc.getWorkload().getWorkloadProps().getFilter().isIgnoreCase()).isTrue();
        assertThat(arc.getWorkload().getWorkloadProps().getFilter().getPathSeparator()).isEqualTo("/");
        assertThat(arc.getWorkload().getWorkloadProps().getFailArcOnPartialPercent()).isZero();
        assertThat(arc.getWorkload().getRuntimeProps().getMemorySizeMB()).isEqualTo(512);
        assertThat(arc.getWorkload().getRuntimeProps().getRetryAttempts()).isEqualTo(3);
    }

    @Test
    void mergingOneComponentDoesNotChangeTheDefaultsOfTheNext() {
        // GIVEN a file whose boundary overrides runtime props, loaded before one that does not
        load(boundary("\"runtimeProps\": {\"memorySizeMB\": 2048, \"timeoutMin\": 5}"));

        // WHEN the second file is loaded by the same loader (which caches defaults per type)
        LambdaRuntimeProps props = boundaryOf(load(boundary("\"eventArrival\": \"frequent\""))).getRuntimeProps();

        // THEN it gets the pristine defaults, not the first file's values
        assertThat(props.getMemorySizeMB()).isEqualTo(1024);
        assertThat(props.getTimeoutMin()).isEqualTo(15);
    }

    @Test
    void aListInTheFileReplacesTheDefaultListInsteadOfAppendingToIt() {
        // GIVEN a component type whose default list is non-empty (no core type has one)
        ComponentType zoned = new ComponentType("test:core:zonedThing", ComponentKind.RESOURCE, ZonedThing.class,
                "A test resource.", "A resource with a default list.", List.of());
        ComponentRegistry registry = new ComponentRegistry(Stream.concat(
                ComponentRegistry.defaultRegistry().all().stream(), Stream.of(zoned)).toList());
        ProjectLoader zonedLoader = new ProjectLoader(registry, Map.of(), InputStream.nullInputStream());

        // WHEN one element sets the list and another leaves it out
        Deployable deployable = zonedLoader.load(ProjectSource.text("p.json", project("""
                "resources": [{"type": "test:core:zonedThing", "name": "set", "zones": ["c"]},
                              {"type": "test:core:zonedThing", "name": "unset"}]
                """), SourceFormat.JSON)).deployable();

        // THEN the set list is exactly the user's and the other keeps the default
        assertThat(((ZonedThing) deployable.getResources().get(0)).zones).containsExactly("c");
        assertThat(((ZonedThing) deployable.getResources().get(1)).zones).containsExactly("a", "b");
    }

    @Test
    void treeMergeReplacesArraysMergesObjectsAndKeepsDefaultsForNull() {
        JsonNode defaults = tree("{\"list\": [1, 2], \"object\": {\"x\": 1, \"y\": 2}, \"text\": \"default\"}");
        JsonNode user = tree("{\"list\": [3], \"object\": {\"y\": 20}, \"text\": null}");

        JsonNode merged = TreeMerge.merge(defaults, user);

        assertThat(merged).isEqualTo(tree("{\"list\": [3], \"object\": {\"x\": 1, \"y\": 20}, \"text\": \"default\"}"));
        assertThat(defaults).as("defaults are not modified")
                .isEqualTo(tree("{\"list\": [1, 2], \"object\": {\"x\": 1, \"y\": 2}, \"text\": \"default\"}"));
    }

    @Test
    void explicitNullForAnOptionalStringWithoutDefaultStaysNull() {
        // GIVEN optional strings written as null: the stage, and a boundary's keyRegex
        Deployable deployable = load(project("\"stage\": null,", """
                "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "ingress", "lotUnit": "Twelfths",
                                "dataset": {"name": "raw", "version": "1", "pathURI": "s3://dev-demo-data/raw/"},
                                "infrequent": {"keyRegex": null}}]
                """));

        // THEN both are null, as if left out
        assertThat(deployable.getPlacement().getStage()).isNull();
        assertThat(boundaryOf(deployable).getInfrequent().getKeyRegex()).isNull();
    }

    @Test
    void explicitNullForAnOptionalStringWithADefaultKeepsTheDefault() {
        // GIVEN a filter whose pathSeparator (default "/") is written as null
        Deployable deployable = load(boundary("\"filter\": {\"pathSeparator\": null, \"excludes\": [\"**/_*\"]}"));

        // THEN the default separator is used, not null (which would break glob matching at run time)
        assertThat(boundaryOf(deployable).getFilter().getPathSeparator()).isEqualTo("/");
        assertThat(boundaryOf(deployable).getFilter().getExcludes()).containsExactly("**/_*");
    }

    @Test
    void explicitNullForANumberIsRefusedWithTheRemedy() {
        // null is not a number; silently using the default would hide a templating mistake
        String text = project(boundaryElement("\"runtimeProps\": {\"memorySizeMB\": null}"));

        assertThatThrownBy(() -> loader.load(ProjectSource.text("p.json", text, SourceFormat.JSON)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problems())
                        .extracting(Problem::format)
                        .containsExactly("p.json:6:50: boundaries[0].runtimeProps.memorySizeMB: expected an integer, "
                                + "found null; remove the field to use its default"));
    }

    /** A resource whose default list is not empty, to tell replacing from appending. */
    public static class ZonedThing extends Resource {
        private List<String> zones = new ArrayList<>(List.of("a", "b"));

        public ZonedThing() {
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Deployable load(String text) {
        return loader.load(ProjectSource.text("p.json", text, SourceFormat.JSON)).deployable();
    }

    private static S3PutListenerBoundary boundaryOf(Deployable deployable) {
        return (S3PutListenerBoundary) deployable.getBoundaries().get(0);
    }

    /** A project with one boundary carrying {@code extra} fields. */
    private static String boundary(String extra) {
        return project(boundaryElement(extra));
    }

    private static String boundaryElement(String extra) {
        return """
                "boundaries": [{"type": "aws:core:s3PutListenerBoundary", "name": "ingress", "lotUnit": "Twelfths",
                                "dataset": {"name": "raw", "version": "1", "pathURI": "s3://dev-demo-data/raw/"},
                                %s}]
                """.formatted(extra);
    }

    private static String project(String lists) {
        return project("\"stage\": \"dev\",", lists);
    }

    private static String project(String stage, String lists) {
        return """
                {
                "project": {"name": "Demo", "version": "20230101-00"},
                "placement": {"provider": "aws", %s "account": "123456789012", "region": "us-west-2"},
                %s
                }
                """.formatted(stage, lists);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.model().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
