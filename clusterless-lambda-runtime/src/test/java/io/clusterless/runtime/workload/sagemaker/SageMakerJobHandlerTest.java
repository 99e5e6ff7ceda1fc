package io.clusterless.runtime.workload.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.ArcFixture;
import io.clusterless.engine.workload.sagemaker.SageMakerJobProps;
import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.runtime.aws.S3ObjectStore;
import io.clusterless.runtime.aws.SageMakerJobs;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SageMaker arcs' function on moto (S3 and SageMaker): prepare names the job and writes its manifest files;
 * result finds a job whose start was refused as a duplicate and finishes the lot from it, fails the lot with the
 * start's error when no job exists, and waits for a job that still runs.
 */
class SageMakerJobHandlerTest {
    private static final String FOLDER = "stats/lot=" + ArcFixture.LOT + "/";

    private MotoServer moto;
    private ObjectStore store;
    private ArcFixture arc;

    @BeforeEach
    void setUp() {
        moto = MotoServer.get();
        moto.reset();
        try (S3Client s3 = moto.clients().s3()) {
            for (String bucket : List.of("manifests", "data", "out")) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
        store = new S3ObjectStore(moto.clients().s3());
        SageMakerJobProps props = new SageMakerJobProps(SageMakerLayout.Kind.processing, "Stats", "1", "perLotStats",
                "s3://manifests/sagemaker-inputs/project=Stats/version=1/arc=perLotStats/");
        arc = new ArcFixture("manifests", new SinkDataset("readings", "1", "s3://data/raw/"))
                .sink("main", new SinkDataset("stats", "1", "s3://out/stats/"))
                .workloadProps(Json.records().valueToTree(props).toString());
    }

    @Test
    void prepareNamesTheRunsJobAndWritesTheLotsManifestFile() throws Exception {
        store.put("out", FOLDER + "from-an-earlier-run.json", new byte[]{1}, "x");
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/raw/2023/a.csv", "s3://data/raw/2023/b/c.csv"));

        JsonNode prepared = call(Map.of("step", "prepare", "context", context, "attempt", "run-1"));

        String jobName = prepared.path("jobName").asText();
        assertThat(call(Map.of("step", "prepare", "context", context, "attempt", "run-1")).path("jobName").asText())
                .isEqualTo(jobName);
        assertThat(call(Map.of("step", "prepare", "context", context, "attempt", "run-2")).path("jobName").asText())
                .isNotEqualTo(jobName);
        assertThat(prepared.path("jobs")).hasSize(1);
        assertThat(prepared.at("/jobs/0/jobName").asText()).isEqualTo(jobName);
        JsonNode input = prepared.at("/jobs/0/processingInputs/0");
        assertThat(input.path("InputName").asText()).isEqualTo("main");
        assertThat(input.path("S3Input").path("LocalPath").asText()).isEqualTo("/opt/ml/processing/input/main");
        assertThat(input.path("S3Input").path("S3DataType").asText()).isEqualTo("ManifestFile");
        String manifestFile = input.path("S3Input").path("S3Uri").asText();
        assertThat(new String(store.get("manifests", manifestFile.substring("s3://manifests/".length())).orElseThrow()
                .body(), StandardCharsets.UTF_8)).isEqualTo("[{\"prefix\":\"s3://data/raw/2023/\"},\"a.csv\",\"b/c.csv\"]");
        assertThat(prepared.at("/jobs/0/processingOutputConfig/Outputs/0/S3Output/S3Uri")
                .asText()).isEqualTo("s3://out/" + FOLDER);
        assertThat(store.listKeys("out", FOLDER, null).toList()).isEmpty();
    }

    @Test
    void aStartRefusedAsADuplicateFinishesTheLotFromTheJobThatRuns() throws Exception {
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/raw/a.csv"));
        JsonNode prepared = call(Map.of("step", "prepare", "context", context, "attempt", "run-1"));
        // the state machine's first start of the job, whose answer was lost; the retried start is refused
        createProcessingJob(prepared);
        store.put("out", FOLDER + "stats.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
        ObjectNode job = ((ObjectNode) prepared.deepCopy());
        job.putObject("error").put("Error", "SageMaker.AmazonSageMakerException")
                .put("Cause", "Job name must be unique within an AWS account and region, and a job with this name "
                        + "already exists");

        JsonNode result = call(Map.of("step", "result", "context", context, "attempt", "run-1", "job", job));

        String manifestUri = arc.sinkLot("main").withState(ManifestState.complete).identifier();
        assertThat(result.path("main").asText()).isEqualTo(manifestUri);
        Manifest manifest = Json.records().readValue(store.get("manifests", manifestUri.substring(
                "s3://manifests/".length())).orElseThrow().body(), Manifest.class);
        assertThat(manifest.uris()).containsExactly("s3://out/" + FOLDER + "stats.json");
        assertThat(manifest.comment()).isEqualTo("SageMaker processing job " + prepared.path("jobName").asText());

        // a duplicate run of the finished lot asks for the job that wrote it, and clears nothing
        JsonNode again = call(Map.of("step", "prepare", "context", context, "attempt", "run-2"));
        assertThat(again.path("jobName").asText()).isEqualTo(prepared.path("jobName").asText());
        assertThat(again.path("finished").asBoolean()).isTrue();
        assertThat(again.at("/jobs/0/jobName").asText()).isEqualTo(prepared.path("jobName").asText());
        assertThat(store.listKeys("out", FOLDER, null).toList()).hasSize(1);
    }

    @Test
    void aLotWithoutObjectsStartsNoJobAndGetsEmptySinkManifests() throws Exception {
        store.put("out", FOLDER + "from-an-earlier-run.json", new byte[]{1}, "x");
        ArcWorkloadContext context = arc.announce(store, Manifest.empty(ArcFixture.LOT));

        JsonNode prepared = call(Map.of("step", "prepare", "context", context, "attempt", "run-1"));
        assertThat(prepared.path("jobs")).isEmpty();
        JsonNode result = call(Map.of("step", "result", "context", context, "attempt", "run-1", "job", prepared));

        String manifestUri = arc.sinkLot("main").withState(ManifestState.empty).identifier();
        assertThat(result.path("main").asText()).isEqualTo(manifestUri);
        assertThat(store.listKeys("out", FOLDER, null).toList()).isEmpty();
        assertThat(store.listKeys("manifests", "sagemaker-inputs/", null).toList()).isEmpty();
    }

    @Test
    void aJobThatNeverStartedFailsTheLotWithTheStartsError() throws Exception {
        ArcWorkloadContext context = arc.announce(store, List.of("s3://data/raw/a.csv"));
        ObjectNode job = (ObjectNode) call(Map.of("step", "prepare", "context", context, "attempt", "run-1"));
        job.putObject("error").put("Error", "SageMaker.AmazonSageMakerException")
                .put("Cause", "The role arn:aws:iam::123456789012:role/x cannot be assumed");

        assertThatThrownBy(() -> call(Map.of("step", "result", "context", context, "attempt", "run-1", "job", job)))
                .isInstanceOf(SageMakerJobFailedException.class)
                .hasMessage("SageMaker processing job " + job.path("jobName").asText() + " did not start: "
                        + "SageMaker.AmazonSageMakerException: The role arn:aws:iam::123456789012:role/x cannot be "
                        + "assumed");
        assertThat(store.listKeys("manifests", "datasets/name=stats/", null).toList()).isEmpty();
    }

    @Test
    void aRunningJobIsWaitedForAndAFailedOneGivesSageMakersReason() {
        JsonNode running = Json.records().createObjectNode().put("ProcessingJobStatus", "InProgress");
        assertThatThrownBy(() -> JobOutcome.require("processing", "j", Optional.of(running), null))
                .isInstanceOf(SageMakerJobRunningException.class).hasMessage("SageMaker processing job j is InProgress");
        JsonNode failed = Json.records().createObjectNode().put("TrainingJobStatus", "Failed")
                .put("FailureReason", "AlgorithmError: stats.py exited with 1");
        assertThatThrownBy(() -> JobOutcome.require("training", "j", Optional.of(failed), null))
                .isInstanceOf(SageMakerJobFailedException.class)
                .hasMessage("SageMaker training job j Failed: AlgorithmError: stats.py exited with 1");
    }

    /** What the state machine's task sends: its fixed part and the lot's part from prepare. */
    private void createProcessingJob(JsonNode prepared) {
        ObjectNode request = Json.records().createObjectNode();
        request.put("ProcessingJobName", prepared.path("jobName").asText());
        request.set("ProcessingInputs", prepared.at("/jobs/0/processingInputs"));
        request.set("ProcessingOutputConfig", prepared.at("/jobs/0/processingOutputConfig"));
        request.putObject("ProcessingResources").putObject("ClusterConfig").put("InstanceCount", 1)
                .put("InstanceType", "ml.m5.large").put("VolumeSizeInGB", 30);
        request.putObject("AppSpecification").put("ImageUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/s:1");
        request.put("RoleArn", "arn:aws:iam::123456789012:role/job");
        new SageMakerJobs(moto.clients()).client().call("CreateProcessingJob", request);
    }

    private JsonNode call(Map<String, Object> request) throws Exception {
        SageMakerJobHandler handler = new SageMakerJobHandler(Map.of("CLS_ARC_PROPS_JSON",
                Json.records().writeValueAsString(arc.props())), moto.clients());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.records().writeValueAsBytes(request)), out, null);
        return Json.records().readTree(out.toByteArray());
    }
}
