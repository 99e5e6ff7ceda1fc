package io.clusterless.local.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.Resource;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import io.clusterless.runtime.store.ObjectStore;
import io.clusterless.uri.ArcURI;
import io.clusterless.uri.DatasetURI;
import io.clusterless.uri.MaterialsURI;
import io.clusterless.uri.ProjectURI;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the metadata records of reference §4.2 for a local placement, in deploy's order (bootstrap meta, then per
 * project: project → arcs → datasets → materials), so commands that read a placement's metadata read a local one
 * exactly as they read AWS.
 */
public final class PlacementRecords {
    private static final String JSON = "application/json";

    private final ObjectStore store;
    private final Clock clock;

    public PlacementRecords(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void write(LocalPlan plan) {
        PlacementNames placement = plan.placement();
        String bucket = placement.metadataBucket();
        // written once: the bootstrap's creation time does not change when projects are placed again
        store.createIfAbsent(bucket, "metadata.json", bytes(bootstrapMeta(placement)), JSON);
        for (Deployable deployable : byProject(plan.deployables())) {
            String project = deployable.getProject().getName();
            String version = deployable.getProject().getVersion();
            List<String> materials = new ArrayList<>();
            ProjectURI projectUri = ProjectURI.of(bucket).withProjectName(project).withProjectVersion(version);
            materials.add(put(projectUri.bucket(), projectUri.key(), Json.records().valueToTree(deployable)));
            for (Arc<?> arc : deployable.getArcs()) {
                if (arc.isExclude()) {
                    continue;
                }
                ArcURI arcUri = ArcURI.of(bucket).withProjectName(project).withProjectVersion(version)
                        .withArcName(arc.getName());
                materials.add(put(bucket, arcUri.key(), Json.records().valueToTree(arc)));
            }
            for (LocalPlan.BoundaryEntry boundary : plan.boundaries()) {
                if (boundary.project().project().equals(project) && boundary.project().version().equals(version)) {
                    materials.add(dataset(bucket, project, version, boundary.model().getName(),
                            boundary.props().dataset()));
                }
            }
            for (LocalPlan.ArcEntry arc : plan.arcs()) {
                if (arc.project().project().equals(project) && arc.project().version().equals(version)) {
                    for (SinkDataset sink : arc.model().getSinks().values()) {
                        materials.add(dataset(bucket, project, version, arc.model().getName(), sink));
                    }
                }
            }
            MaterialsURI materialsUri = MaterialsURI.of(bucket).withProjectName(project).withProjectVersion(version);
            store.put(bucket, materialsUri.key(), bytes(Json.records().valueToTree(materials)), JSON);
        }
    }

    /**
     * One deployable per project: a project split over several files is deployed, and recorded, as one, its
     * components in file order.
     */
    static List<Deployable> byProject(List<Deployable> deployables) {
        Map<String, List<Deployable>> parts = new LinkedHashMap<>();
        deployables.forEach(d -> parts.computeIfAbsent(d.getProject().id(), id -> new ArrayList<>()).add(d));
        List<Deployable> merged = new ArrayList<>();
        for (List<Deployable> files : parts.values()) {
            if (files.size() == 1) {
                merged.add(files.get(0));
                continue;
            }
            List<Resource> resources = new ArrayList<>();
            List<Activity> activities = new ArrayList<>();
            List<Boundary> boundaries = new ArrayList<>();
            List<Arc<?>> arcs = new ArrayList<>();
            for (Deployable file : files) {
                resources.addAll(file.getResources());
                activities.addAll(file.getActivities());
                boundaries.addAll(file.getBoundaries());
                arcs.addAll(file.getArcs());
            }
            Deployable first = files.get(0);
            merged.add(new Deployable(first.getProject(), first.getPlacement(), resources, activities, boundaries,
                    arcs));
        }
        return merged;
    }

    private String dataset(String bucket, String project, String version, String owner, SinkDataset dataset) {
        ObjectNode record = Json.records().createObjectNode();
        record.put("name", dataset.getName());
        record.put("version", dataset.getVersion());
        record.put("pathURI", dataset.getPathURI());
        record.put("publish", dataset.isPublish());
        ObjectNode ownerNode = record.putObject("owner");
        ownerNode.put("project", project);
        ownerNode.put("version", version);
        ownerNode.put("component", owner);
        DatasetURI uri = DatasetURI.of(bucket, dataset);
        return put(bucket, uri.key(), record);
    }

    private String put(String bucket, String key, Object json) {
        store.put(bucket, key, bytes(json), JSON);
        return "s3://" + bucket + "/" + key;
    }

    private ObjectNode bootstrapMeta(PlacementNames placement) {
        ObjectNode meta = Json.records().createObjectNode();
        meta.put("createDateTime", clock.instant().toString());
        meta.put("version", PlacementNames.BOOTSTRAP_SCOPE_VERSION);
        meta.put("substrate", "local");
        ObjectNode exports = meta.putObject("exports");
        exports.putObject("metadata").put("name", placement.metadataBucket());
        exports.putObject("arcState").put("name", placement.arcStateBucket());
        exports.putObject("manifest").put("name", placement.manifestBucket());
        exports.putObject("event-bus").put("name", placement.arcEventBus());
        return meta;
    }

    private static byte[] bytes(Object json) {
        try {
            return Json.records().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a metadata record", e);
        }
    }
}
