package io.clusterless.engine.workload.gluejob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clusterless.arc.ArcProps;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.LotFolders;
import io.clusterless.engine.workload.WorkloadManifests;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.json.Json;
import io.clusterless.model.core.arc.gluejob.GlueJobArguments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The glueJobArc's work around the job run, the same on AWS (a Lambda before and after the state machine's Glue task)
 * and locally (around the python3 or spark-submit process): {@link #prepare} finds each sink role's lot folder,
 * {@link #clear} empties them so a replayed lot replaces its objects, {@link #finish} lists what the job wrote into
 * the sink manifests ({@code empty} where it wrote nothing), {@link #arguments} the command line cls gives the script.
 */
public final class GlueJobWorkload {
    private final WorkloadManifests manifests;
    private final LotFolders folders;

    public GlueJobWorkload(ObjectStore store) {
        this.manifests = new WorkloadManifests(store);
        this.folders = new LotFolders(store);
    }

    /**
     * One lot's job run.
     *
     * @param folders one per sink role, in the arc's order
     */
    public record JobLot(ArcWorkloadContext context, List<LotFolders.LotFolder> folders) {
        public String lot() {
            return context.arcNotifyEvent().lot();
        }

        /** Every sink role has its final manifest already: a duplicate run, the job must not run again. */
        public boolean finished() {
            return folders.stream().allMatch(folder -> folder.finished().isPresent());
        }
    }

    /** @throws io.clusterless.engine.workload.WorkloadException when the lot's manifest cannot be read */
    public JobLot prepare(ArcWorkloadContext context, ArcProps props) {
        manifests.incoming(context.arcNotifyEvent());
        String lot = context.arcNotifyEvent().lot();
        List<LotFolders.LotFolder> lotFolders = new ArrayList<>();
        for (String role : props.sinks().keySet()) {
            lotFolders.add(folders.of(props, role, lot));
        }
        return new JobLot(context, lotFolders);
    }

    /** Empties the folders of the roles without a final manifest; the number of objects removed. */
    public int clear(JobLot job) {
        return job.folders().stream().filter(folder -> folder.finished().isEmpty())
                .mapToInt(folder -> folders.clear(folder.target())).sum();
    }

    /** @return sink role → the manifest that stands for the lot */
    public Map<String, String> finish(JobLot job, String attemptId, String note) {
        Map<String, String> written = new LinkedHashMap<>();
        for (LotFolders.LotFolder folder : job.folders()) {
            written.put(folder.sinkRole(), folders.finish(folder, attemptId, "the job wrote nothing", note));
        }
        return written;
    }

    /**
     * What cls passes the script, in this order: {@code --cls-lot}, {@code --cls-arc-props}, {@code --cls-source-role},
     * {@code --cls-source-manifest}, {@code --cls-attempt}, one {@code --cls-sink-ROLE} per sink, then
     * {@code declared}.
     */
    public static List<String> arguments(JobLot job, ArcProps props, String attemptId, Map<String, String> declared) {
        List<String> arguments = new ArrayList<>(List.of(
                GlueJobArguments.LOT, job.lot(),
                GlueJobArguments.ARC_PROPS, compact(props),
                GlueJobArguments.SOURCE_ROLE, job.context().role(),
                GlueJobArguments.SOURCE_MANIFEST, job.context().arcNotifyEvent().manifest(),
                GlueJobArguments.ATTEMPT, attemptId));
        for (LotFolders.LotFolder folder : job.folders()) {
            arguments.add(GlueJobArguments.sink(folder.sinkRole()));
            arguments.add(folder.target().toString());
        }
        (declared == null ? Map.<String, String>of() : declared).forEach((name, value) -> {
            arguments.add(name);
            arguments.add(value);
        });
        return arguments;
    }

    /** The arc props on one line, as the state machine passes them. */
    public static String compact(ArcProps props) {
        try {
            return Json.records().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(props);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write arc props", e);
        }
    }
}
