package io.clusterless.engine.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.store.StoredObject;
import io.clusterless.json.Json;
import io.clusterless.model.Activity;
import io.clusterless.model.Arc;
import io.clusterless.model.Boundary;
import io.clusterless.model.Deployable;
import io.clusterless.model.Resource;
import io.clusterless.model.SinkDataset;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.ArcURI;
import io.clusterless.uri.RecordKind;
import io.clusterless.uri.RecordURI;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and removes the metadata records of reference §4.2 over the {@link ObjectStore} port, so a local run
 * and {@code cls deploy} leave identical records that reports read back the same way: the bootstrap meta, then per
 * project project → arcs → datasets → materials; removing deletes what materials lists, then materials.
 */
public final class PlacementRecords {
    private static final String JSON = "application/json";

    private final ObjectStore store;
    private final Clock clock;

    public PlacementRecords(ObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A local placement: the bootstrap meta once (its creation time does not change), then every project. */
    public void write(PlacementPlan plan) {
        PlacementNames placement = plan.placement();
        store.createIfAbsent(placement.metadataBucket(), "metadata.json",
                bytes(bootstrapMeta(placement, "local")), JSON);
        writeProjects(plan);
    }

    /** The bootstrap meta of an AWS placement, with the export refs of its bootstrap stack; replaced on every bootstrap. */
    public void writeBootstrap(PlacementNames placement) {
        store.put(placement.metadataBucket(), "metadata.json", bytes(bootstrapMeta(placement, "aws")), JSON);
    }

    /** Per project: project → arcs → datasets → materials; the materials URIs are returned per project id. */
    public Map<String, List<String>> writeProjects(PlacementPlan plan) {
        String bucket = plan.placement().metadataBucket();
        Map<String, List<String>> written = new LinkedHashMap<>();
        for (ProjectRecords project : recordsOf(plan)) {
            write(bucket, project.records());
            written.put(project.id(), project.materials(bucket));
        }
        return written;
    }

    /**
     * The records {@link #writeProjects} writes, per project, in writing order (materials last), without writing
     * them: a deploy keeps them in its deploy record (ADR-0009) so that a later command can complete an interrupted
     * deploy with exactly these bytes.
     */
    public List<ProjectRecords> recordsOf(PlacementPlan plan) {
        String bucket = plan.placement().metadataBucket();
        List<ProjectRecords> all = new ArrayList<>();
        for (List<ProjectPlan> parts : byProject(plan.projects()).values()) {
            Deployable deployable = merged(parts);
            String project = deployable.getProject().getName();
            String version = deployable.getProject().getVersion();
            List<DeployRecord.Record> records = new ArrayList<>();
            RecordURI projectUri = RecordURI.of(RecordKind.PROJECT, bucket, project, version);
            records.add(record(projectUri.key(), Json.records().valueToTree(deployable)));
            for (Arc<?> arc : deployable.getArcs()) {
                if (arc.isExclude()) {
                    continue;
                }
                ArcURI arcUri = ArcURI.of(bucket).withProjectName(project).withProjectVersion(version)
                        .withArcName(arc.getName());
                records.add(record(arcUri.key(), Json.records().valueToTree(arc)));
            }
            for (ProjectPlan part : parts) {
                for (BoundaryPlan boundary : part.boundaries()) {
                    records.add(dataset(bucket, project, version, boundary.props().dataset()));
                }
            }
            for (ProjectPlan part : parts) {
                for (ArcPlan arc : part.arcs()) {
                    for (SinkDataset sink : arc.model().getSinks().values()) {
                        records.add(dataset(bucket, project, version, sink));
                    }
                }
            }
            ArrayNode materials = Json.records().createArrayNode();
            records.forEach(r -> materials.add("s3://" + bucket + "/" + r.key()));
            RecordURI materialsUri = RecordURI.of(RecordKind.MATERIALS, bucket, project, version);
            records.add(record(materialsUri.key(), materials));
            all.add(new ProjectRecords(deployable.getProject().id(), project, version, List.copyOf(records)));
        }
        return all;
    }

    /** Writes records in the order given (reference §4.2: materials last, so a listed record always exists). */
    public void write(String bucket, List<DeployRecord.Record> records) {
        for (DeployRecord.Record record : records) {
            store.put(bucket, record.key(), bytes(record.body()), JSON);
        }
    }

    /**
     * A project version's metadata records in writing order, materials.json last.
     *
     * @param id the project id (name/version)
     */
    public record ProjectRecords(String id, String name, String version, List<DeployRecord.Record> records) {
        /** The URIs materials.json lists. */
        public List<String> materials(String bucket) {
            return records.subList(0, records.size() - 1).stream().map(r -> "s3://" + bucket + "/" + r.key())
                    .toList();
        }
    }

    /**
     * Deletes every object the project's materials.json lists, then materials.json itself.
     *
     * @return the URIs deleted
     * @throws MissingMaterialsException when the project has no materials.json (never deployed, or removed already)
     */
    public List<String> remove(PlacementNames placement, String project, String version) {
        String bucket = placement.metadataBucket();
        String key = RecordURI.of(RecordKind.MATERIALS, bucket, project, version).key();
        StoredObject materials = store.get(bucket, key).orElseThrow(() -> new MissingMaterialsException(
                "no s3://" + bucket + "/" + key + ": project " + project + " version " + version
                        + " has no deploy record in this placement, so its metadata cannot be removed"));
        List<String> removed = new ArrayList<>();
        JsonNode uris;
        try {
            uris = Json.records().readTree(materials.body());
        } catch (IOException e) {
            throw new MissingMaterialsException("s3://" + bucket + "/" + key + " is not JSON: " + e.getMessage());
        }
        for (JsonNode uri : uris) {
            URI parsed = URI.create(uri.asText());
            store.delete(parsed.getHost(), parsed.getPath().substring(1));
            removed.add(uri.asText());
        }
        store.delete(bucket, key);
        return removed;
    }

    /** A project's record can be missing only by mistake: say which and where. */
    public static final class MissingMaterialsException extends RuntimeException {
        public MissingMaterialsException(String message) {
            super(message);
        }
    }

    /** The placed parts of each project, in file order: a project split over files is recorded as one. */
    static Map<String, List<ProjectPlan>> byProject(List<ProjectPlan> projects) {
        Map<String, List<ProjectPlan>> parts = new LinkedHashMap<>();
        projects.forEach(p -> parts.computeIfAbsent(p.deployable().getProject().id(), id -> new ArrayList<>()).add(p));
        return parts;
    }

    /** One deployable for a project's parts, its components in file order. */
    static Deployable merged(List<ProjectPlan> parts) {
        if (parts.size() == 1) {
            return parts.get(0).deployable();
        }
        List<Resource> resources = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        List<Boundary> boundaries = new ArrayList<>();
        List<Arc<?>> arcs = new ArrayList<>();
        for (ProjectPlan part : parts) {
            Deployable file = part.deployable();
            resources.addAll(file.getResources());
            activities.addAll(file.getActivities());
            boundaries.addAll(file.getBoundaries());
            arcs.addAll(file.getArcs());
        }
        Deployable first = parts.get(0).deployable();
        Deployable merged = new Deployable(first.getProject(), first.getPlacement(), resources, activities, boundaries,
                arcs);
        parts.stream().map(part -> part.deployable().getFreshnessTopic()).filter(java.util.Objects::nonNull)
                .findFirst().ifPresent(merged::setFreshnessTopic);
        return merged;
    }

    private static DeployRecord.Record dataset(String bucket, String project, String version, SinkDataset dataset) {
        // the original's shape (ADR-0016); the producing component is not part of it, readers find it in the
        // project's arc and boundary records
        ObjectNode record = new DatasetRecord(project, version, null, dataset).toJson();
        return record(RecordURI.ofDataset(bucket, dataset).key(), record);
    }

    private static DeployRecord.Record record(String key, JsonNode body) {
        return new DeployRecord.Record(key, body);
    }

    private ObjectNode bootstrapMeta(PlacementNames placement, String substrate) {
        ObjectNode meta = Json.records().createObjectNode();
        meta.put("createDateTime", clock.instant().toString());
        meta.put("version", PlacementNames.BOOTSTRAP_SCOPE_VERSION);
        meta.put("substrate", substrate);
        boolean aws = substrate.equals("aws");
        ObjectNode exports = meta.putObject("exports");
        store(exports.putObject("metadata"), placement, "metadata", placement.metadataBucket(), aws);
        store(exports.putObject("arcState"), placement, "arcState", placement.arcStateBucket(), aws);
        store(exports.putObject("manifest"), placement, "manifest", placement.manifestBucket(), aws);
        ObjectNode bus = exports.putObject("event-bus");
        if (aws) {
            bus.put("nameRef", placement.bootstrapExportRef("name", "eventBus", "arcEventBus"));
        }
        bus.put("name", placement.arcEventBus());
        if (aws) {
            ObjectNode vpc = exports.putObject("vpc");
            vpc.put("idRef", placement.bootstrapExportRef("id", "vpc", "commonVpc"));
            vpc.put("arnRef", placement.bootstrapExportRef("arn", "vpc", "commonVpc"));
            vpc.put("nameRef", placement.bootstrapExportRef("name", "vpc", "commonVpc"));
            vpc.put("name", placement.vpc());
        }
        return meta;
    }

    private static void store(ObjectNode node, PlacementNames placement, String type, String bucket, boolean aws) {
        if (aws) {
            node.put("nameRef", placement.storeExportRef("name", type));
            node.put("arnRef", placement.storeExportRef("arn", type));
        }
        node.put("name", bucket);
    }

    static byte[] bytes(Object json) {
        try {
            return Json.records().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a metadata record", e);
        }
    }
}
