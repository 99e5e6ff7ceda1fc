package io.clusterless.cli.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.listener.ListenerChange;
import io.clusterless.engine.listener.ListenerSwitches;
import io.clusterless.engine.metadata.DatasetRecord;
import io.clusterless.engine.metadata.DeployRecord;
import io.clusterless.engine.metadata.DeployRecords;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.metadata.TemplateDigest;
import io.clusterless.engine.status.DatasetFreshness;
import io.clusterless.engine.status.DatasetLot;
import io.clusterless.engine.status.LatestLots;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.lot.LotId;
import io.clusterless.model.Freshness;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.uri.ArcURI;
import io.clusterless.uri.ManifestURI;
import io.clusterless.uri.RecordKind;
import io.clusterless.uri.RecordURI;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What is deployed in one placement, as the documents {@code cls show placement|project|arc|dataset --output json}
 * prints (their fields are described in docs/show.md and are kept stable): read from the placement's metadata records
 * (reference §4.2), deploy records (ADR-0009), listener records (ADR-0004), arc-state and manifest keys, and on AWS
 * the CloudFormation stacks.
 */
public final class DeployedReader {
    private final ObjectStore store;
    private final PlacementNames placement;
    private final String provider;
    private final StackStates stacks;
    private final Clock clock;
    private final PlacementReader records;
    private final ListenerSwitches listeners;

    /**
     * @param provider "aws" or "local"
     * @param stacks   CloudFormation's stacks, or null on the local substrate (no stacks there)
     */
    public DeployedReader(ObjectStore store, PlacementNames placement, String provider, StackStates stacks,
                          Clock clock) {
        this.store = store;
        this.placement = placement;
        this.provider = provider;
        this.stacks = stacks;
        this.clock = clock;
        this.records = new PlacementReader(store);
        this.listeners = new ListenerSwitches(store, placement.metadataBucket(), clock);
    }

    /** {@code [<stage>-]<account>-<region>}: what {@code cls show placement NAME} takes. */
    public static String name(PlacementNames placement) {
        return (placement.stage() == null ? "" : placement.stage().toLowerCase(Locale.ROOT) + "-")
                + placement.account() + "-" + placement.region();
    }

    private String bucket() {
        return placement.metadataBucket();
    }

    private ObjectNode head() {
        ObjectNode document = Json.records().createObjectNode();
        document.putObject("placement").put("name", name(placement)).put("provider", provider)
                .put("stage", placement.stage() == null ? null : placement.stage().toLowerCase(Locale.ROOT))
                .put("account", placement.account()).put("region", placement.region());
        return document;
    }

    // ---- placement ----------------------------------------------------------------------------------------------

    public ObjectNode placement() {
        ObjectNode document = head();
        ObjectNode bootstrap = document.putObject("bootstrap");
        Optional<JsonNode> meta = records.read(bucket(), "metadata.json");
        bootstrap.put("createdAt", meta.map(m -> m.path("createDateTime").asText(null)).orElse(null));
        bootstrap.put("version", meta.map(m -> m.path("version").asText(null)).orElse(null));
        if (stacks != null) {
            bootstrap.set("stack", stack(placement.bootstrapStack(), placement.region(), null));
        } else {
            bootstrap.putNull("stack");
        }
        ArrayNode projects = document.putArray("projects");
        for (ObjectNode project : projectSummaries()) {
            projects.add(project);
        }
        return document;
    }

    /** Each project version: name, version and state, without reading the stacks. */
    private List<ObjectNode> projectSummaries() {
        List<ObjectNode> summaries = new ArrayList<>();
        Map<String, DeployRecord> deploys = deployRecords();
        Map<String, ObjectInfo> recorded = projectRecords();
        for (String id : ids(deploys, recorded)) {
            DeployRecord deploy = deploys.get(id);
            ObjectNode summary = Json.records().createObjectNode();
            summary.put("name", id.substring(0, id.indexOf('\n')));
            summary.put("version", id.substring(id.indexOf('\n') + 1));
            summary.put("state", state(deploy, recorded.get(id)));
            summaries.add(summary);
        }
        return summaries;
    }

    // ---- projects -----------------------------------------------------------------------------------------------

    /**
     * Every project version with a metadata record or a deploy record (a destroyed or failed one too).
     *
     * @param wanted which, by name and version: the others' stacks are not read
     */
    public List<ObjectNode> projects(BiPredicate<String, String> wanted) {
        Map<String, DeployRecord> deploys = deployRecords();
        Map<String, ObjectInfo> recorded = projectRecords();
        Map<String, List<String>> arcs = new TreeMap<>();
        for (ArcURI arc : records.arcs(bucket())) {
            arcs.computeIfAbsent(arc.projectName() + "\n" + arc.projectVersion(), k -> new ArrayList<>())
                    .add(arc.arcName());
        }
        List<ObjectNode> documents = new ArrayList<>();
        for (String id : ids(deploys, recorded)) {
            if (!wanted.test(id.substring(0, id.indexOf('\n')), id.substring(id.indexOf('\n') + 1))) {
                continue;
            }
            DeployRecord deploy = deploys.get(id);
            ObjectInfo project = recorded.get(id);
            ObjectNode document = head();
            document.putObject("project").put("name", id.substring(0, id.indexOf('\n')))
                    .put("version", id.substring(id.indexOf('\n') + 1));
            document.put("state", state(deploy, project));
            document.put("recordedAt", project == null ? null : project.lastModified().toString());
            ObjectNode deployNode = document.putObject("deploy");
            if (deploy != null) {
                deployNode.put("state", deploy.state().name());
                deployNode.put("startedAt", deploy.startedAt());
                deployNode.put("finishedAt", deploy.finishedAt());
                deployNode.put("by", deploy.by());
                deployNode.put("clsVersion", deploy.clsVersion());
                deployNode.put("message", deploy.message());
            } else {
                document.putNull("deploy");
            }
            ArrayNode stackNodes = document.putArray("stacks");
            if (deploy != null) {
                for (DeployRecord.Stack stack : deploy.stacks()) {
                    stackNodes.add(stack(stack.name(), stack.region(), stack.templateSha256()));
                }
            }
            ArrayNode arcNodes = document.putArray("arcs");
            arcs.getOrDefault(id, List.of()).forEach(arcNodes::add);
            documents.add(document);
        }
        return documents;
    }

    /**
     * How a project version stands: the deploy record's state, {@code recorded} for records without a deploy record
     * (a local placement, or a deploy by a cls before ADR-0009).
     */
    private static String state(DeployRecord deploy, ObjectInfo project) {
        return deploy != null ? deploy.state().name() : project != null ? "recorded" : null;
    }

    private static List<String> ids(Map<String, DeployRecord> deploys, Map<String, ObjectInfo> recorded) {
        TreeMap<String, Boolean> ids = new TreeMap<>();
        deploys.keySet().forEach(id -> ids.put(id, true));
        recorded.keySet().forEach(id -> ids.put(id, true));
        return List.copyOf(ids.keySet());
    }

    private Map<String, DeployRecord> deployRecords() {
        Map<String, DeployRecord> deploys = new TreeMap<>();
        for (DeployRecords.Read read : new DeployRecords(store).all(bucket())) {
            deploys.put(read.record().project() + "\n" + read.record().version(), read.record());
        }
        return deploys;
    }

    /** project.json objects by {@code name \n version}, listed (their time is when they were last written). */
    private Map<String, ObjectInfo> projectRecords() {
        Map<String, ObjectInfo> found = new TreeMap<>();
        try (Stream<ObjectInfo> keys = store.listKeys(bucket(), "projects/", null)) {
            keys.filter(info -> info.key().endsWith("/project.json")).forEach(info -> {
                RecordURI uri = RecordURI.parse(RecordKind.PROJECT, "s3://" + bucket() + "/" + info.key());
                found.put(uri.name() + "\n" + uri.version(), info);
            });
        }
        return found;
    }

    /** A stack as CloudFormation has it; {@code templateCurrent} when the deploy record gives a digest to compare. */
    private ObjectNode stack(String name, String region, String templateSha256) {
        ObjectNode node = Json.records().createObjectNode();
        node.put("name", name);
        node.put("region", region);
        Optional<StackStates.StackState> state = stacks == null ? Optional.empty() : stacks.describe(region, name);
        if (state.isPresent() && state.get().isUnreadable()) {
            // no permission, an emulator without the call: the rest of the report still stands
            node.put("status", state.get().status());
            node.put("statusReason", state.get().reason());
            return node;
        }
        node.put("status", stacks == null ? null : state.map(StackStates.StackState::status).orElse("ABSENT"));
        node.put("statusReason", state.map(StackStates.StackState::reason).orElse(null));
        if (templateSha256 != null) {
            node.put("templateCurrent", state.map(StackStates.StackState::templateJson)
                    .map(template -> templateSha256.equals(TemplateDigest.of(template))).orElse(null));
        }
        return node;
    }

    // ---- arcs ---------------------------------------------------------------------------------------------------

    /** @param wanted which arcs: the others' records and lots are not read */
    public List<ObjectNode> arcs(Predicate<ArcURI> wanted) {
        List<ObjectNode> documents = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (ArcURI uri : records.arcs(bucket())) {
            if (!wanted.test(uri)) {
                continue;
            }
            JsonNode arc = records.read(bucket(), uri.key()).orElse(null);
            if (arc == null) {
                continue; // destroyed while listed
            }
            ObjectNode document = head();
            document.putObject("project").put("name", uri.projectName()).put("version", uri.projectVersion());
            document.put("name", uri.arcName());
            document.put("type", arc.path("type").asText(null));
            document.set("sources", roles(arc.path("sources"), true));
            document.set("sinks", roles(arc.path("sinks"), false));
            document.set("listener", listener(uri.projectName(), uri.projectVersion(), uri.arcName()));
            ArcStateURI state = ArcStateURI.of(placement.arcStateBucket(), uri.projectName(), uri.projectVersion(),
                    uri.arcName());
            ObjectNode last = document.putObject("lastLot");
            LatestLots.arc(store, state, today).ifPresentOrElse(found -> {
                lot(last, found.lot());
                last.put("state", found.state().name());
            }, () -> document.putNull("lastLot"));
            documents.add(document);
        }
        return documents;
    }

    private static ArrayNode roles(JsonNode datasets, boolean sources) {
        ArrayNode roles = Json.records().createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = datasets.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ObjectNode role = roles.addObject();
            role.put("role", entry.getKey());
            role.put("dataset", entry.getValue().path("name").asText() + "/" + entry.getValue().path("version")
                    .asText());
            if (sources) {
                role.put("subscribe", entry.getValue().path("subscribe").asBoolean(true));
            }
        }
        return roles;
    }

    /** The listener's state by its ADR-0004 records: enabled until a change says otherwise. */
    private ObjectNode listener(String project, String version, String component) {
        ObjectNode node = Json.records().createObjectNode();
        List<ListenerChange> history = listeners.history(project, version, component);
        ListenerChange last = history.isEmpty() ? null : history.get(history.size() - 1);
        node.put("enabled", last == null || last.enabled());
        node.put("since", last == null ? null : last.at());
        node.put("reason", last == null ? null : last.reason());
        return node;
    }

    // ---- datasets -----------------------------------------------------------------------------------------------

    /** @param wanted which datasets, by their record's key and owner (project, version): the others' lots are not read */
    public List<ObjectNode> datasets(BiPredicate<RecordURI, JsonNode> wanted) {
        Map<String, String> producers = new LinkedHashMap<>();
        Map<String, ArrayNode> subscribers = subscribers(producers);
        List<ObjectNode> documents = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant now = clock.instant();
        for (RecordURI uri : records.datasets(bucket())) {
            JsonNode raw = records.read(bucket(), uri.key()).orElse(null);
            DatasetRecord record = raw == null ? null : readable(raw);
            if (record == null) {
                continue;
            }
            // either shape of the record (ADR-0016) gives the same owner to filter on
            ObjectNode ownerNode = Json.records().createObjectNode().put("project", record.project())
                    .put("version", record.projectVersion());
            if (!wanted.test(uri, ownerNode)) {
                continue;
            }
            String id = uri.name() + "/" + uri.version();
            ObjectNode document = head();
            document.putObject("dataset").put("name", uri.name()).put("version", uri.version());
            document.put("pathURI", record.dataset().getPathURI());
            document.put("publish", raw.path("dataset").isObject() ? raw.path("dataset").path("publish")
                    .asBoolean(true) : raw.path("publish").asBoolean(false));
            document.putObject("owner").put("project", record.project()).put("version", record.projectVersion())
                    .put("component", record.component() != null ? record.component()
                            : producers.get(record.project() + "\n" + record.projectVersion() + "\n" + id));
            document.set("subscribers", subscribers.getOrDefault(id, Json.records().createArrayNode()));
            ManifestURI manifests = ManifestURI.of(placement.manifestBucket()).withDatasetName(uri.name())
                    .withDatasetVersion(uri.version());
            Optional<DatasetLot> last = LatestLots.dataset(store, manifests, today);
            if (last.isPresent()) {
                lot(document.putObject("lastLot"), last.get().lot()).put("state", last.get().state().name());
            } else {
                document.putNull("lastLot");
            }
            Optional<DatasetLot> complete = last.isPresent() && last.get().state().name().equals("complete")
                    ? last : last.isPresent() ? LatestLots.complete(store, manifests, today) : Optional.empty();
            Optional<Duration> age = Optional.empty();
            if (complete.isPresent()) {
                lot(document.putObject("lastComplete"), complete.get().lot());
                // how long ago the newest complete lot's interval ended: its data is that old at least
                Duration since = Duration.between(complete.get().lot().end(), now);
                age = Optional.of((since.isNegative() ? Duration.ZERO : since).withNanos(0));
                document.put("age", age.get().toString());
            } else {
                document.putNull("lastComplete");
                document.putNull("age");
            }
            // the dataset's freshness targets, as its record holds them, judge that age (cls freshness)
            Freshness targets = record.dataset().getFreshness();
            document.put("freshness", targets == null ? null : DatasetFreshness.level(targets, age).name());
            documents.add(document);
        }
        return documents;
    }

    /** The arcs reading each dataset id, from the placement's arc records. */
    /**
     * The arcs reading each dataset id, from the placement's arc records; fills {@code producers} (project, version
     * and dataset id → component) from the same records' sinks and from the project records' boundaries, for
     * dataset records that do not name their component (the original's shape).
     */
    private Map<String, ArrayNode> subscribers(Map<String, String> producers) {
        Map<String, ArrayNode> subscribers = new LinkedHashMap<>();
        for (ArcURI uri : records.arcs(bucket())) {
            records.read(bucket(), uri.key()).ifPresent(arc -> {
                arc.path("sources").forEach(source -> {
                    String id = source.path("name").asText() + "/" + source.path("version").asText();
                    subscribers.computeIfAbsent(id, k -> Json.records().createArrayNode()).addObject()
                            .put("project", uri.projectName()).put("version", uri.projectVersion())
                            .put("arc", uri.arcName()).put("subscribe", source.path("subscribe").asBoolean(true));
                });
                arc.path("sinks").forEach(sink -> producers.put(uri.projectName() + "\n" + uri.projectVersion()
                        + "\n" + sink.path("name").asText() + "/" + sink.path("version").asText(), uri.arcName()));
            });
        }
        for (RecordURI uri : records.projects(bucket())) {
            records.read(bucket(), uri.key()).ifPresent(project -> project.path("boundaries").forEach(boundary ->
                    producers.putIfAbsent(uri.name() + "\n" + uri.version() + "\n"
                            + boundary.path("dataset").path("name").asText() + "/"
                            + boundary.path("dataset").path("version").asText(), boundary.path("name").asText())));
        }
        return subscribers;
    }

    /** The record, or null when it is not a dataset record of either shape: the listing shows the readable ones. */
    private static DatasetRecord readable(JsonNode raw) {
        try {
            return DatasetRecord.read(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ObjectNode lot(ObjectNode node, LotId lot) {
        node.put("lot", lot.format());
        node.put("start", lot.start().toString());
        node.put("end", lot.end().toString());
        return node;
    }
}
