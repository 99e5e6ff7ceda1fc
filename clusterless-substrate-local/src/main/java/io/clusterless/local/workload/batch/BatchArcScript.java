package io.clusterless.local.workload.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clusterless.engine.arc.CoveredManifests;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.event.ArcNotifyEvent;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.local.plan.LocalPlan;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.SourceDataset;
import io.clusterless.model.core.arc.batch.BatchExecSettings;
import io.clusterless.uri.ManifestURI;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The original's {@code cls local}: a bash script that runs one batchExecArc's command by hand for one lot, with the
 * environment the container gets ({@code CLS_ARC_PROPS_JSON}, the Batch job variables, {@code CLS_LOCAL=true}, the
 * arc's {@code environment}) and every {@code $.} argument resolved against the workload context the arc would get
 * for that lot, its source manifest {@code …/lot=<lot>/state=<state>/manifest.json}. Outside the arc's gates: running
 * it writes no arc state and publishes no event.
 */
public final class BatchArcScript {
    static final String BATCH_EXEC_ARC = "aws:core:batchExecArc";

    private BatchArcScript() {
    }

    /**
     * @throws IllegalArgumentException naming what is wrong (no such arc, not a batchExecArc, no such role, bad lot)
     */
    public static String script(LocalPlan plan, String arcName, String lot, String role, ManifestState state) {
        List<LocalPlan.ArcEntry> matching = plan.arcs().stream()
                .filter(arc -> arc.model().getName().equalsIgnoreCase(arcName)).toList();
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no arc named " + arcName + " in the project files; arcs: "
                    + String.join(", ", plan.arcs().stream().map(arc -> arc.model().getName()).toList()));
        }
        LocalPlan.ArcEntry arc = matching.get(0);
        if (!BATCH_EXEC_ARC.equals(arc.model().getType())
                || !(arc.model().getWorkload() instanceof BatchExecSettings workload)) {
            throw new IllegalArgumentException("local exec is unsupported by this arc: " + arc.model().getType()
                    + "; only " + BATCH_EXEC_ARC + " runs a command that can be run by hand");
        }
        if (arc.gateProps().coversLots()) {
            // its run reads the covered-manifests document the start gate writes for that run; no source lot stands in
            throw new IllegalArgumentException("arc " + arc.model().getName() + " rolls its sources' lots up: each run "
                    + "reads the covered manifests the start gate records for it (" + CoveredManifests.VARIABLE
                    + "), which a script of one source lot cannot give; run its lot with cls exec -P local --arc "
                    + arc.model().getName() + " --lot LOT");
        }
        SourceDataset source = arc.model().getSources().get(role);
        if (source == null) {
            throw new IllegalArgumentException("arc " + arc.model().getName() + " has no source role " + role
                    + "; roles: " + String.join(", ", arc.model().getSources().keySet()));
        }
        if (state.hasAttempt()) {
            // there is one such manifest per attempt, and which one the script should read is not for us to guess
            throw new IllegalArgumentException("manifest state " + state + " is kept per attempt "
                    + "(…/state=" + state + "/attempt=ID/manifest.json); give complete or empty");
        }
        LotId lotId = LotId.parse(lot);
        String manifest = ManifestURI.of(plan.placement().manifestBucket(), source).withLot(lotId).withState(state)
                .identifier();
        // owned by a project not given: name and version are all the files know
        SinkDataset owner = plan.placementPlan().owner(source.id())
                .orElseGet(() -> new SinkDataset(source.getName(), source.getVersion(), null));
        ArcWorkloadContext context = new ArcWorkloadContext(role, new ArcNotifyEvent(owner, lotId.format(), manifest));
        JsonNode contextJson = Json.records().valueToTree(context);
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# " + BATCH_EXEC_ARC + " " + arc.model().getName() + " of " + arc.project().project() + " " + arc.project().version()
                + ", lot " + lotId.format() + ", source role " + role + " (manifest state " + state + ")");
        lines.add("# runs the workload outside the arc's gates: no arc state is written, no event is published;");
        lines.add("# run it in the image directory: " + workload.getImagePath());
        lines.add("set -euo pipefail");
        lines.add("export CLS_ARC_PROPS_JSON=" + quote(json(arc.workloadProps())));
        lines.add("export AWS_BATCH_JOB_ID=00000000-0000-0000-0000-000000000000");
        lines.add("export AWS_BATCH_JOB_ATTEMPT=1");
        lines.add("export CLS_LOCAL=true");
        Map<String, String> environment = workload.getEnvironment() == null ? Map.of()
                : new TreeMap<>(workload.getEnvironment());
        environment.forEach((key, value) -> lines.add("export " + key + "=" + quote(value)));
        lines.add("# declared command: " + json(workload.getCommand()));
        lines.add("# workload context ($): " + json(context));
        List<String> command = new ArrayList<>();
        for (String argument : workload.getCommand()) {
            try {
                command.add(quote(LocalBatchExecutor.resolve(argument, contextJson)));
            } catch (WorkloadException e) {
                throw new IllegalArgumentException("arc " + arc.model().getName() + ": " + e.getMessage());
            }
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("arc " + arc.model().getName() + " declares no command");
        }
        lines.add("exec " + String.join(" ", command));
        return String.join("\n", lines) + "\n";
    }

    private static String json(Object value) {
        try {
            // one line: the value sits in a comment or a quoted export
            return Json.records().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Single quotes keep everything literal in bash; a single quote itself is closed, escaped and reopened. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
