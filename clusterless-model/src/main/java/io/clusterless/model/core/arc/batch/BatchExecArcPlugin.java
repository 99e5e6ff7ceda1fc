package io.clusterless.model.core.arc.batch;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;
import io.clusterless.naming.ProjectNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model of {@value BatchExecArc#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class BatchExecArcPlugin implements ComponentPlugin, ComponentRules<BatchExecArc> {
    private static final ComponentType TYPE = new ComponentType(
            BatchExecArc.TYPE, ComponentKind.ARC, BatchExecArc.class,
            "Runs a container on AWS Batch for each lot.",
            "Builds the Docker image in imagePath and runs command on the referenced Fargate compute "
                    + "environment for every lot. `$.` arguments are replaced from the workload context "
                    + "(e.g. $.arcNotifyEvent.lot, $.arcNotifyEvent.manifest). The container reads "
                    + "CLS_ARC_PROPS_JSON and writes its sink manifests at sinkManifestTemplates; a roll-up's "
                    + "container reads its covered manifests from the document CLS_COVERED_MANIFESTS_URI names.",
            List.of("start", "complete", "result"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    /** A batch arc also gets its job queue and definition, and the log group its containers write. */
    @Override
    public List<NameClaim> physicalNames(Component component) {
        List<NameClaim> claims = new ArrayList<>(ComponentPlugin.super.physicalNames(component));
        claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.BATCH, ProjectNames::batchJob));
        claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.LOG_GROUP, ProjectNames::batchLogGroup));
        return claims;
    }

    /** The compute environment reference, then the container's environment and image (one arc's order). */
    @Override
    public List<ComponentRule<BatchExecArc>> rules() {
        return List.of(
                ComponentRule.of(ComponentRule.Concern.REFERENCES, BatchExecArcPlugin::computeEnvironmentRef),
                ComponentRule.of(ComponentRule.Concern.SETTINGS, BatchExecArcPlugin::environment),
                ComponentRule.of(ComponentRule.Concern.SETTINGS, BatchExecArcPlugin::command),
                new ImagePathRule());
    }

    private static void computeEnvironmentRef(Located<BatchExecArc> arc, RuleContext context,
                                              List<Problem> problems) {
        RuleContext.reportUnresolved(context.references().resolve(
                        arc.value().getWorkload().getComputeEnvironmentRef(), ComputeResource.TYPE),
                arc, problems, "workload", "computeEnvironmentRef");
    }

    private static void environment(Located<BatchExecArc> arc, RuleContext context, List<Problem> problems) {
        Map<String, String> environment = arc.value().getWorkload().getEnvironment();
        for (Map.Entry<String, String> variable : environment == null ? Map.<String, String>of().entrySet()
                : environment.entrySet()) {
            String problem = environmentProblem(variable.getKey(), variable.getValue());
            if (problem != null) {
                problems.add(arc.problemAt(problem, "workload", "environment", variable.getKey()));
            }
        }
    }

    /**
     * A roll-up's covered manifests are a list per role, which Step Functions cannot pass as a job argument (and a
     * day of them outgrows a job's 30 KiB): the container reads them from the document {@code $.coveredManifestsURI}
     * names (ADR-0012).
     */
    private static void command(Located<BatchExecArc> arc, RuleContext context, List<Problem> problems) {
        List<String> command = arc.value().getWorkload().getCommand();
        for (int i = 0; command != null && i < command.size(); i++) {
            String argument = command.get(i);
            if (argument != null && (argument.equals("$.coveredManifests")
                    || argument.startsWith("$.coveredManifests."))) {
                problems.add(arc.problemAt("argument " + argument + " names a list of manifests, which a Batch "
                        + "job's arguments cannot carry; pass $.coveredManifestsURI (or read CLS_COVERED_MANIFESTS_URI)"
                        + ", the document listing them", "workload", "command", i));
            }
        }
    }

    /**
     * An environment variable the container (and local run's process) can be given: a name without '=' or control
     * characters, not in AWS Batch's reserved AWS_BATCH namespace, and a value without NUL.
     */
    private static String environmentProblem(String name, String value) {
        // a process environment cannot hold these (local run's ProcessBuilder throws on them)
        if (name.isEmpty() || name.indexOf('=') >= 0 || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "environment variable name " + Names.quote(name) + " must not be empty or hold '=' or control "
                    + "characters; rename it";
        }
        if (name.startsWith("AWS_BATCH")) {
            return "environment variable " + name + " is reserved by AWS Batch; rename it";
        }
        if (value != null && value.indexOf('\0') >= 0) {
            return "environment variable " + name + " holds a NUL character; remove it";
        }
        return null;
    }
}
