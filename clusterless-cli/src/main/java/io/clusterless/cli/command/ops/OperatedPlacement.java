package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.ProjectOptions;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.engine.boundary.BoundaryLedger;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.BoundaryPlan;
import io.clusterless.engine.plan.DatasetUnits;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.plan.ProjectPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.Deployable;
import io.clusterless.model.Placement;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.JsonnetOptions;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.model.validate.ProjectValidator;
import io.clusterless.model.validate.ValidationOptions;
import io.clusterless.naming.PlacementNames;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The placement an operations command works on: the plan of the loaded project files, or of the deployed projects'
 * records (names of buckets, rules and state machines, reference §3.1), and the object store of the substrate it
 * lives on.
 *
 * @param origin what the plan was made from, for messages: "the project files", "the deployed project NAME"
 */
record OperatedPlacement(PlacementPlan plan, ObjectStore store, SubstrateOperations operations, String origin) {
    private static final String FILES = "the project files";

    static OperatedPlacement load(CliContext context, ProjectOptions project, SubstrateOptions substrate) {
        return load(context, deployables(context, project.sources(), project.jsonnet()), substrate, FILES);
    }

    /** Projects given either way: as files ({@code -p}) or as deployed ({@code --project}). */
    static OperatedPlacement load(CliContext context, OperatedProjectOptions projects, SubstrateOptions substrate) {
        if (!projects.deployed()) {
            return load(context, deployables(context, projects.sources(), projects.jsonnet()), substrate, FILES);
        }
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        List<LoadedFile> files = DeployedProjects.load(context, projects, substrate, registry);
        List<Deployable> deployables = validated(registry, files, "the deployed records");
        List<String> names = projects.allDeployed()
                ? deployables.stream().map(d -> d.getProject().id()).distinct().toList()
                : projects.wanted().stream().map(Object::toString).distinct().toList();
        return load(context, deployables, substrate, (names.size() == 1 ? "the deployed project "
                : "the deployed projects ") + String.join(", ", names));
    }

    /**
     * As {@link #load(CliContext, OperatedProjectOptions, SubstrateOptions)}, but without any project given: every
     * project deployed in the one placement that {@code --account}, {@code --stage} and {@code --region} leave.
     */
    static OperatedPlacement loadOrEveryDeployed(CliContext context, OperatedProjectOptions projects,
                                                 SubstrateOptions substrate) {
        return load(context, projects.orEveryDeployed(), substrate);
    }

    private static OperatedPlacement load(CliContext context, List<Deployable> deployables, SubstrateOptions substrate,
                                          String origin) {
        PlacementNames placement = placementOf(deployables.get(0));
        for (Deployable deployable : deployables) {
            if (!placementOf(deployable).equals(placement)) {
                throw new UserException("project " + deployable.getProject().id() + " is placed in "
                        + placementOf(deployable) + ", not " + placement + "; operate one placement at a time");
            }
        }
        PlacementPlan plan;
        try {
            plan = PlacementPlan.of(placement, deployables);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        SubstrateOperations operations = substrate.operations(context);
        return new OperatedPlacement(plan, operations.store(placement.region()), operations, origin);
    }

    private static PlacementNames placementOf(Deployable deployable) {
        Placement placement = deployable.getPlacement();
        if (placement == null) {
            throw new UserException("project " + deployable.getProject().id()
                    + " has no placement (account and region); add one to the project file");
        }
        return PlacementNames.of(placement);
    }

    private static List<Deployable> deployables(CliContext context, List<ProjectSource> sources,
                                                JsonnetOptions jsonnet) {
        ComponentRegistry registry = ComponentRegistry.defaultRegistry();
        ProjectLoader loader = new ProjectLoader(registry, jsonnet, context.in());
        try {
            return validated(registry, loader.loadAll(sources).files(), "the project files");
        } catch (ProblemException e) {
            throw new UserException(e.problems().get(0).format());
        }
    }

    /**
     * The deployables of loaded files, each project's files validated together; other projects, or other versions
     * of one project (side by side in a placement), each on their own. The placement is deployed, so a source's
     * owner may be a project not given here.
     */
    private static List<Deployable> validated(ComponentRegistry registry, List<LoadedFile> files, String what) {
        Map<String, List<LoadedFile>> byProject = new LinkedHashMap<>();
        for (LoadedFile file : files) {
            var id = file.deployable().getProject();
            byProject.computeIfAbsent(id == null ? "" : id.id(), k -> new ArrayList<>()).add(file);
        }
        for (List<LoadedFile> project : byProject.values()) {
            var problems = new ProjectValidator(registry).validate(new LoadedProject(project),
                    new ValidationOptions(true, false)); // operations read state: no image is built
            if (!problems.isEmpty()) {
                throw new UserException(problems.get(0).format() + (problems.size() > 1
                        ? " (and " + (problems.size() - 1) + " more; see cls validate)" : ""));
            }
        }
        List<Deployable> deployables = new LoadedProject(files).deployables();
        if (deployables.isEmpty()) {
            throw new UserException(what + " hold no project to operate");
        }
        return deployables;
    }

    static String projectId(ProjectPlan project) {
        return project.deployable().getProject().id();
    }

    /** Whether {@code wanted}, as given on the command line, names dataset {@code id}: by {@code name/version} or name. */
    static boolean datasetNamed(String wanted, String id) {
        return wanted.equals(id) || wanted.equals(id.substring(0, id.lastIndexOf('/')));
    }

    /**
     * When the placement's first boundary was first placed (ADR-0007's {@code boundary.since} records), if any
     * boundary has been: lots before it are from before the project existed, not gaps.
     */
    Optional<Instant> firstPlaced() {
        Optional<Instant> first = Optional.empty();
        for (ProjectPlan project : plan.projects()) {
            for (BoundaryPlan boundary : project.boundaries()) {
                Optional<Instant> since = new BoundaryLedger(store, boundary.props().manifestBucket(),
                        boundary.props().dataset()).recordedSince();
                if (since.isPresent() && (first.isEmpty() || since.get().isBefore(first.get()))) {
                    first = since;
                }
            }
        }
        return first;
    }

    /** Every dataset the placement's boundaries and arcs write, by id {@code name/version}, in plan order. */
    Map<String, ProjectPlan> datasets() {
        Map<String, ProjectPlan> datasets = new LinkedHashMap<>();
        for (ProjectPlan project : plan.projects()) {
            for (BoundaryPlan boundary : project.boundaries()) {
                datasets.putIfAbsent(boundary.props().dataset().id(), project);
            }
            for (ArcPlan arc : project.arcs()) {
                arc.model().getSinks().values().forEach(sink -> datasets.putIfAbsent(sink.id(), project));
            }
        }
        return datasets;
    }

    /** The interval of a dataset's lots ({@link DatasetUnits}). */
    Optional<LotUnit> datasetUnit(String datasetId) {
        return new DatasetUnits(plan).ofDataset(datasetId);
    }

    Optional<LotUnit> arcUnit(ArcPlan arc) {
        return new DatasetUnits(plan).ofArc(arc);
    }
}
