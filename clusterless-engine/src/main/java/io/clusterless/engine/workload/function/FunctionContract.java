package io.clusterless.engine.workload.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.arc.ArcProps;
import io.clusterless.arc.ProjectId;
import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.ManifestState;
import io.clusterless.manifest.UriType;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lambdaExecArc function contract (docs/function-contract.md), the same on AWS and locally: the event a function
 * is invoked with for one lot, and what its result becomes: one sink manifest per sink role, written by
 * {@link WorkloadManifests} as for every built-in arc. A result naming an unknown role, an object outside its sink's
 * {@code pathURI}, or an object that does not exist fails the lot before any manifest is written.
 */
public final class FunctionContract {
    private final ObjectStore store;
    private final WorkloadManifests manifests;

    public FunctionContract(ObjectStore store) {
        this.store = store;
        this.manifests = new WorkloadManifests(store);
    }

    /**
     * The event for the context's lot (schema: docs/schemas/function-event.schema.json): {@code sources} holds the
     * arriving role, or for a join (ADR-0011) every subscribed source role with its manifest of the lot.
     */
    public ObjectNode event(ProjectId project, String arc, ArcWorkloadContext context, ArcProps props,
                            String attemptId) {
        ArcNotifyEvent notified = context.arcNotifyEvent();
        Map<String, ArcNotifyEvent> arrived = new LinkedHashMap<>();
        if (context.sourceManifests().isEmpty()) {
            if (notified.manifest() != null) { // a schedule tick of a lot no source holds names none (ADR-0013)
                arrived.put(context.role() == null ? "main" : context.role(), notified);
            }
        } else {
            context.sourceManifests().forEach((role, uri) -> {
                SourceDataset source = props.sources().get(role);
                arrived.put(role, source == null ? notified : new ArcNotifyEvent(new SinkDataset(source.getName(),
                        source.getVersion(), null), notified.lot(), uri));
            });
        }
        ObjectNode event = Json.records().createObjectNode();
        event.putObject("project").put("name", project.name()).put("version", project.version());
        event.put("arc", arc);
        event.put("lot", notified.lot());
        event.put("attempt", attemptId);
        ObjectNode sources = event.putObject("sources");
        if (context.rollsUp()) {
            context.coveredManifests().forEach((role, covered) -> covered(sources.putObject(role),
                    props.sources().get(role), notified.lot(), covered));
        } else {
            arrived.forEach((role, source) -> source(sources.putObject(role), source));
        }
        ObjectNode sinks = event.putObject("sinks");
        props.sinks().forEach((sinkRole, sink) -> sinks.putObject(sinkRole).put("name", sink.getName())
                .put("version", sink.getVersion()).put("pathURI", sinkLocation(sinkRole, sink).toString()));
        return event;
    }

    /**
     * A roll-up's source role (ADR-0012): the union of the objects of every covered source lot it holds; "empty" when
     * none lists any object.
     */
    private void covered(ObjectNode entry, SourceDataset source, String lot, List<String> covered) {
        Set<String> union = new LinkedHashSet<>();
        for (String uri : covered) {
            ArcNotifyEvent one = new ArcNotifyEvent(new SinkDataset(source.getName(), source.getVersion(), null), lot,
                    uri);
            Manifest manifest = manifests.incoming(one);
            requireIdentifiers(manifest, uri);
            if (manifest.state() == ManifestState.complete) {
                union.addAll(manifest.uris());
            }
        }
        entry.put("name", source.getName());
        entry.put("version", source.getVersion());
        entry.put("state", union.isEmpty() ? "empty" : "complete");
        ArrayNode uris = entry.putArray("uris");
        union.forEach(uris::add);
    }

    private static void requireIdentifiers(Manifest incoming, String uri) {
        if (incoming.state() == ManifestState.complete && incoming.uriType() != null
                && incoming.uriType() != UriType.identifier) {
            throw new WorkloadException("incoming manifest " + uri + " lists " + incoming.uriType()
                    + " URIs; a lambdaExecArc function is given objects and needs identifier URIs");
        }
    }

    /** One source role's entry: its dataset, and the lot's objects unless the lot is empty. */
    private void source(ObjectNode entry, ArcNotifyEvent notified) {
        Manifest incoming = manifests.incoming(notified);
        if (incoming.state() == ManifestState.complete && incoming.uriType() != null
                && incoming.uriType() != UriType.identifier) {
            throw new WorkloadException("incoming manifest " + notified.manifest() + " lists " + incoming.uriType()
                    + " URIs; a lambdaExecArc function is given objects and needs identifier URIs");
        }
        entry.put("name", notified.dataset().getName());
        entry.put("version", notified.dataset().getVersion());
        boolean empty = incoming.state() == ManifestState.empty;
        entry.put("state", empty ? "empty" : "complete");
        ArrayNode uris = entry.putArray("uris");
        if (!empty) {
            incoming.uris().forEach(uris::add);
        }
    }

    /**
     * Writes the sink manifests for the function's result (schema: docs/schemas/function-result.schema.json).
     *
     * @return sink role → sink manifest identifier, in the arc's sink order
     * @throws WorkloadException naming the first thing wrong with the result; no manifest is written then
     */
    public Map<String, String> complete(JsonNode result, ArcWorkloadContext context, ArcProps props,
                                        String attemptId) {
        String lot = context.arcNotifyEvent().lot();
        Map<String, List<String>> objects = objects(result, props);
        Map<String, String> written = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> sink : objects.entrySet()) {
            List<String> uris = sink.getValue();
            Manifest manifest = uris.isEmpty() ? Manifest.empty(lot)
                    : Manifest.complete(lot, UriType.identifier, uris);
            written.put(sink.getKey(), manifests.write(manifests.sinkLot(props, sink.getKey(), lot), manifest,
                    attemptId).identifier());
        }
        return written;
    }

    /** Every sink role with the objects the result lists for it, each checked; roles in the arc's order. */
    private Map<String, List<String>> objects(JsonNode result, ArcProps props) {
        JsonNode sinks = result == null || result.isNull() || result.isMissingNode() ? null : result.get("sinks");
        if (result != null && !result.isNull() && !result.isMissingNode()) {
            if (!result.isObject()) {
                throw new WorkloadException("the function returned " + brief(result) + "; return "
                        + "{\"sinks\": {ROLE: [\"s3://…\", …]}} (or nothing, for an empty lot)");
            }
            for (Iterator<String> fields = result.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!field.equals("sinks")) {
                    throw new WorkloadException("the function's result has a field \"" + field + "\"; it may hold "
                            + "only \"sinks\": {ROLE: [\"s3://…\", …]}");
                }
            }
        }
        if (sinks != null && !sinks.isNull() && !sinks.isObject()) {
            throw new WorkloadException("the function's result.sinks is " + brief(sinks) + "; expected an object "
                    + "of sink role to a list of s3:// objects");
        }
        if (sinks != null && sinks.isObject()) {
            for (Iterator<String> roles = sinks.fieldNames(); roles.hasNext(); ) {
                String role = roles.next();
                if (!props.sinks().containsKey(role)) {
                    throw new WorkloadException("the function returned objects for sink role '" + role + "', which "
                            + "the arc does not have; its sink roles are " + props.sinks().keySet());
                }
            }
        }
        Map<String, List<String>> objects = new LinkedHashMap<>();
        for (Map.Entry<String, SinkDataset> sink : props.sinks().entrySet()) {
            String role = sink.getKey();
            JsonNode list = sinks == null || !sinks.isObject() ? null : sinks.get(role);
            objects.put(role, checked(role, sinkLocation(role, sink.getValue()), list));
        }
        return objects;
    }

    private List<String> checked(String role, S3Location sink, JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new WorkloadException("the function's result.sinks." + role + " is " + brief(list)
                    + "; expected a list of s3:// objects");
        }
        Set<String> uris = new LinkedHashSet<>();
        for (JsonNode element : list) {
            if (!element.isTextual()) {
                throw new WorkloadException("the function's result.sinks." + role + " lists " + brief(element)
                        + "; expected s3://bucket/key strings");
            }
            String uri = element.asText();
            S3ObjectId object;
            try {
                object = S3ObjectId.parse(uri);
            } catch (IllegalArgumentException e) {
                throw new WorkloadException("the function's result.sinks." + role + " lists " + uri
                        + ", which is not an s3://bucket/key object");
            }
            if (!sink.contains(object) || hasDotSegment(object.key())) {
                throw new WorkloadException("the function returned " + uri + " for sink role '" + role
                        + "', which is outside that sink's pathURI " + sink + "; a function writes only under its "
                        + "sinks' paths");
            }
            uris.add(uri);
        }
        List<String> missing = new ArrayList<>();
        for (String uri : uris) {
            S3ObjectId object = S3ObjectId.parse(uri);
            if (store.head(object.bucket(), object.key()).isEmpty()) {
                missing.add(uri);
            }
        }
        if (!missing.isEmpty()) {
            throw new WorkloadException("the function returned " + missing.size() + " object(s) for sink role '"
                    + role + "' that do not exist: " + String.join(", ", missing.subList(0, Math.min(5,
                    missing.size()))) + (missing.size() > 5 ? ", …" : "") + "; return only objects it wrote");
        }
        return List.copyOf(uris);
    }

    private static boolean hasDotSegment(String key) {
        for (String segment : key.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static S3Location sinkLocation(String role, SinkDataset sink) {
        try {
            return S3Location.parse(sink.getPathURI());
        } catch (IllegalArgumentException e) {
            throw new WorkloadException("sink role '" + role + "' (" + sink.id() + ") has no S3 location: "
                    + e.getMessage(), e);
        }
    }

    private static String brief(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
