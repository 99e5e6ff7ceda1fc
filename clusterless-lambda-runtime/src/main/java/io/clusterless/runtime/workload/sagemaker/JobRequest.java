package io.clusterless.runtime.workload.sagemaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.workload.sagemaker.SageMakerLayout;
import io.clusterless.engine.workload.sagemaker.SageMakerWorkload;
import io.clusterless.json.Json;

/**
 * What the prepare step returns ({@code $.sageMakerJob}): the job name and lot, and {@code jobs}, the lot's part of
 * the create request for each job the state machine's SageMaker step starts (one, or none for a lot without objects):
 * the job name, the lot, and the inputs (one manifest file per source role) and outputs (the sink folders) in
 * SageMaker's own request shapes. The rest of the request (image, instances, role) is fixed in the state machine's
 * definition.
 */
final class JobRequest {
    private JobRequest() {
    }

    static ObjectNode of(SageMakerWorkload.JobPlan plan) {
        ObjectNode answer = Json.records().createObjectNode();
        answer.put("jobName", plan.jobName());
        answer.put("lot", plan.lot());
        answer.put("finished", plan.finished());
        // the state machine starts one job per element: none for a lot without objects
        ArrayNode jobs = answer.putArray("jobs");
        if (plan.runsJob()) {
            jobs.add(job(plan));
        }
        return answer;
    }

    private static ObjectNode job(SageMakerWorkload.JobPlan plan) {
        SageMakerLayout layout = SageMakerLayout.aws(plan.kind());
        ObjectNode request = Json.records().createObjectNode();
        request.put("jobName", plan.jobName());
        request.put("lot", plan.lot());
        if (plan.kind() == SageMakerLayout.Kind.processing) {
            ArrayNode inputs = request.putArray("processingInputs");
            for (SageMakerWorkload.Input input : plan.inputs()) {
                ObjectNode entry = inputs.addObject().put("InputName", input.role());
                entry.putObject("S3Input")
                        .put("S3Uri", input.manifestURI())
                        .put("LocalPath", layout.input(input.role()))
                        .put("S3DataType", "ManifestFile")
                        .put("S3InputMode", "File")
                        .put("S3DataDistributionType", "FullyReplicated");
            }
            ArrayNode outputs = request.putObject("processingOutputConfig").putArray("Outputs");
            for (SageMakerWorkload.Output output : plan.outputs()) {
                outputs.addObject().put("OutputName", output.role()).putObject("S3Output")
                        .put("S3Uri", output.target().toString())
                        .put("LocalPath", layout.output(output.role()))
                        .put("S3UploadMode", "EndOfJob");
            }
            return request;
        }
        ArrayNode channels = request.putArray("inputDataConfig");
        for (SageMakerWorkload.Input input : plan.inputs()) {
            ObjectNode channel = channels.addObject().put("ChannelName", input.role()).put("InputMode", "File");
            channel.putObject("DataSource").putObject("S3DataSource")
                    .put("S3DataType", "ManifestFile")
                    .put("S3Uri", input.manifestURI())
                    .put("S3DataDistributionType", "FullyReplicated");
        }
        // SageMaker writes <path><job name>/output/model.tar.gz: inside the lot's folder of the arc's one sink
        request.putObject("outputDataConfig").put("S3OutputPath", plan.outputs().get(0).target().toString());
        return request;
    }
}
