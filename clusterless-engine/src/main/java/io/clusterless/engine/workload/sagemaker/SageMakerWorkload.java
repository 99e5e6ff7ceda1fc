package io.clusterless.engine.workload.sagemaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.manifest.ManifestStore;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.engine.workload.athena.AthenaQueryWorkload;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.uri.ManifestURI;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SageMaker arc's work around the job, the same on AWS (a Lambda before and after the state machine's SageMaker
 * task) and locally (around a local process): {@link #plan} names the job and finds each source role's objects and
 * each sink role's folder {@code <sink>lot=<LOT>/}; {@link #prepare} writes one SageMaker manifest file per source
 * role (the input SageMaker reads, {@code S3DataType: ManifestFile}) and empties the sinks' folders, so a new run of
 * the lot replaces what an earlier one wrote; {@link #finish} lists each folder into its sink manifest. The sink
 * folders are written the way the athenaQueryArc writes its own ({@link AthenaQueryWorkload#target}).
 *
 * <p>A lot whose sink manifests are all written already (a run that ended after writing them but before the complete
 * gate) is not run again: the plan names the job that wrote them (recorded in the manifests' comment), which the
 * state machine finds finished, and nothing is cleared.
 */
public final class SageMakerWorkload {
    private static final Pattern JOB_IN_COMMENT = Pattern.compile("SageMaker (?:processing|training) job ([a-z0-9-]+)");

    private final ObjectStore store;
    private final WorkloadManifests manifests;
    private final ManifestStore manifestStore;

    public SageMakerWorkload(ObjectStore store) {
        this.store = store;
        this.manifests = new WorkloadManifests(store);
        this.manifestStore = new ManifestStore(store);
    }

    /**
     * One source role's objects.
     *
     * @param manifestURI where its SageMaker manifest file is written
     * @param prefix      the objects' common folder, {@code s3://bucket/key-prefix/}
     * @param keys        each object's key below {@code prefix}, also its path below the role's input folder
     */
    public record Input(String role, String manifestURI, String prefix, List<String> keys) {
        public Input {
            keys = List.copyOf(keys);
        }

        /** SageMaker's manifest file: the prefix, then one relative key per line of a JSON array. */
        public byte[] manifestFile() {
            ArrayNode file = Json.records().createArrayNode();
            file.addObject().put("prefix", prefix);
            keys.forEach(file::add);
            try {
                return Json.records().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One sink role's folder for the lot, and its manifests. */
    public record Output(String role, S3Location target, ManifestURI sinkLot) {
    }

    /**
     * @param finished whether every sink has its final manifest already: nothing to run or clear
     */
    public record JobPlan(SageMakerLayout.Kind kind, String lot, String jobName, List<Input> inputs,
                          List<Output> outputs, boolean finished) {
        public JobPlan {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        /**
         * Whether no source role holds an object in this lot (an {@code empty} lot, as a frequent boundary writes
         * every interval): no job runs, and the sinks get {@code empty} manifests.
         */
        public boolean empty() {
            return !finished && inputs.stream().allMatch(input -> input.keys().isEmpty());
        }

        /** Whether a job is started (or, for a finished lot, asked for) at all. */
        public boolean runsJob() {
            return finished || !empty();
        }
    }

    public JobPlan plan(ArcWorkloadContext context, ArcProps arcProps, SageMakerJobProps props, String attempt) {
        String lot = context.arcNotifyEvent().lot();
        List<Output> outputs = new ArrayList<>();
        for (Map.Entry<String, SinkDataset> sink : arcProps.sinks().entrySet()) {
            outputs.add(new Output(sink.getKey(), AthenaQueryWorkload.target(sink.getValue(), lot),
                    manifests.sinkLot(arcProps, sink.getKey(), lot)));
        }
        List<Optional<ManifestURI>> finished = outputs.stream().map(output -> manifests.finished(output.sinkLot()))
                .toList();
        if (!outputs.isEmpty() && finished.stream().allMatch(Optional::isPresent)) {
            String job = finishedBy(finished.get(0).get(), lot);
            return new JobPlan(props.kind(), lot, job, List.of(), outputs, true);
        }
        String jobName = props.jobName(lot, attempt);
        S3Location inputs = S3Location.parse(props.inputsURI());
        List<Input> planned = new ArrayList<>();
        for (Map.Entry<String, Manifest> source : sourceManifests(context).entrySet()) {
            String manifestURI = "s3://" + inputs.bucket() + "/" + inputs.prefix() + "lot=" + lot + "/job=" + jobName
                    + "/" + source.getKey() + ".manifest";
            planned.add(input(source.getKey(), manifestURI, objects(source.getKey(), source.getValue()), inputs));
        }
        return new JobPlan(props.kind(), lot, jobName, planned, outputs, false);
    }

    /**
     * Writes each input's manifest file (none for an empty lot, which runs no job) and empties each sink folder of
     * the lot; nothing for a finished lot.
     */
    public void prepare(JobPlan plan) {
        if (plan.finished()) {
            return;
        }
        for (Input input : plan.empty() ? List.<Input>of() : plan.inputs()) {
            S3ObjectId file = S3ObjectId.parse(input.manifestURI());
            store.put(file.bucket(), file.key(), input.manifestFile(), "application/json");
        }
        for (Output output : plan.outputs()) {
            S3Location target = output.target();
            store.listKeys(target.bucket(), target.prefix(), null).map(ObjectInfo::key).toList()
                    .forEach(key -> store.delete(target.bucket(), key));
        }
    }

    /**
     * Lists each sink folder and writes its manifest: {@code complete} with every object, {@code empty} when the
     * job wrote none; the manifests' comment names the job. A lot finished already keeps its manifests.
     *
     * @return sink role → manifest identifier
     */
    public Map<String, String> finish(JobPlan plan, String attemptId) {
        Map<String, String> written = new LinkedHashMap<>();
        String comment = plan.empty() ? "no source object in the lot: no SageMaker " + plan.kind() + " job ran"
                : "SageMaker " + plan.kind() + " job " + plan.jobName();
        for (Output output : plan.outputs()) {
            S3Location target = output.target();
            List<String> uris = store.listKeys(target.bucket(), target.prefix(), null).map(ObjectInfo::uri).toList();
            Manifest manifest = uris.isEmpty()
                    ? new Manifest(ManifestState.empty, plan.empty() ? comment : comment + " wrote nothing", plan.lot(),
                    UriType.identifier, List.of())
                    : new Manifest(ManifestState.complete, comment, plan.lot(), UriType.identifier, uris);
            written.put(output.role(), manifests.write(output.sinkLot(), manifest, attemptId).identifier());
        }
        return written;
    }

    /** The job named in a final manifest cls wrote for the lot. */
    private String finishedBy(ManifestURI finished, String lot) {
        String comment = manifestStore.read(finished.identifier()).map(Manifest::comment).orElse(null);
        Matcher matcher = comment == null ? null : JOB_IN_COMMENT.matcher(comment);
        if (matcher == null || !matcher.find()) {
            throw new WorkloadException("lot " + lot + " already has its sink manifest " + finished.identifier()
                    + ", written by no SageMaker job of this arc; nothing ran (remove the manifest to run the lot "
                    + "again)");
        }
        return matcher.group(1);
    }

    /** Source role → its lot's manifest: every role of a join, else the role the event arrived for. */
    private Map<String, Manifest> sourceManifests(ArcWorkloadContext context) {
        Map<String, Manifest> sources = new LinkedHashMap<>();
        if (context.sourceManifests().isEmpty()) {
            sources.put(context.role(), manifests.incoming(context.arcNotifyEvent()));
            return sources;
        }
        context.sourceManifests().forEach((role, uri) -> sources.put(role, manifestStore.read(uri).orElseThrow(() ->
                new WorkloadException("source role '" + role + "' manifest " + uri + " does not exist"))));
        return sources;
    }

    /** The objects a manifest lists: identifiers as they are, paths and prefixes listed. */
    private List<String> objects(String role, Manifest manifest) {
        List<String> objects = new ArrayList<>();
        for (String uri : manifest.uris()) {
            if (manifest.uriType() == null || manifest.uriType() == UriType.identifier) {
                objects.add(uri);
                continue;
            }
            S3Location location = S3Location.parse(uri);
            store.listKeys(location.bucket(), location.prefix(), null).map(ObjectInfo::uri).forEach(objects::add);
        }
        if (objects.stream().map(uri -> S3ObjectId.parse(uri).bucket()).distinct().count() > 1) {
            throw new WorkloadException("source role '" + role + "' lists objects in more than one bucket; a "
                    + "SageMaker manifest file reads from one");
        }
        return objects;
    }

    /** The longest common folder of the objects is the manifest's prefix; keys are relative to it. */
    private static Input input(String role, String manifestURI, List<String> objects, S3Location inputs) {
        if (objects.isEmpty()) {
            // nothing to read: a prefix under the inputs folder that holds no object
            return new Input(role, manifestURI, "s3://" + inputs.bucket() + "/" + inputs.prefix() + "empty/", List.of());
        }
        List<S3ObjectId> locations = objects.stream().map(S3ObjectId::parse).toList();
        String common = locations.get(0).key();
        for (S3ObjectId location : locations) {
            while (!location.key().startsWith(common)) {
                common = common.substring(0, common.length() - 1);
            }
        }
        common = common.substring(0, common.lastIndexOf('/') + 1);
        int cut = common.length();
        return new Input(role, manifestURI, "s3://" + locations.get(0).bucket() + "/" + common,
                locations.stream().map(location -> location.key().substring(cut)).toList());
    }
}
