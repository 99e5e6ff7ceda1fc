package io.clusterless.engine.exec.athena;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.exec.BackfillLot;
import io.clusterless.engine.exec.DryRunDetail;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.engine.workload.athena.AthenaQueryProps;
import io.clusterless.engine.workload.athena.AthenaQueryWorkload;
import io.clusterless.engine.workload.athena.UnloadStatement;
import io.clusterless.event.ArcWorkloadContext;
import io.clusterless.model.Arc;
import io.clusterless.model.Deployable;
import io.clusterless.model.core.arc.athena.AthenaQueryArc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cls exec --dry-run} for an athenaQueryArc: each lot's row also shows, as {@code sql}, the statement that
 * would run (the lot's SELECT expanded from its source manifest, inside the UNLOAD), built by the same code the run
 * uses. In the exec package: the Lambda jar carries no control-plane code.
 */
public final class AthenaDryRun implements DryRunDetail {
    @Override
    public String componentType() {
        return AthenaQueryArc.TYPE;
    }

    @Override
    public void describe(ObjectNode row, BackfillLot lot, ArcPlan arc, PlacementPlan plan, ObjectStore store,
                         Path projectDir) {
        row.put("sql", statement(lot, arc, (AthenaQueryArc) arc.model(), plan, store, projectDir));
    }

    @Override
    public Optional<String> sample(Arc<?> arc, List<Deployable> deployables, Path projectDir, Instant now) {
        AthenaSampleStatement.Sample sample = AthenaSampleStatement.of((AthenaQueryArc) arc, deployables, projectDir,
                now);
        return Optional.of("lot " + sample.lot() + ":\n" + sample.statement());
    }

    static String statement(BackfillLot lot, ArcPlan arc, AthenaQueryArc athena, PlacementPlan plan,
                            ObjectStore store, Path projectDir) {
        try {
            AthenaQueryProps props = AthenaQueryProps.of(athena, plan.projects().stream()
                    .map(ProjectPlan::deployable).toList(), projectDir);
            String role = athena.getSources().entrySet().stream()
                    .filter(source -> lot.event().dataset() != null && source.getValue().sameDataset(lot.event()
                            .dataset()))
                    .map(Map.Entry::getKey).findFirst().orElse(athena.getSources().keySet().iterator().next());
            AthenaQueryWorkload.LotQuery query = new AthenaQueryWorkload(store)
                    .prepare(new ArcWorkloadContext(role, lot.event()), arc.workloadProps(), props);
            return UnloadStatement.of(query.select(), query.target().toString(), props);
        } catch (WorkloadException | IllegalArgumentException e) {
            return "-- no statement: " + e.getMessage();
        }
    }
}
