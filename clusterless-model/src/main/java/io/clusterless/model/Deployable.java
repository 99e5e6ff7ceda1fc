package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/** One project file: a project placed in one placement, with its components. */
@JsonPropertyOrder({"project", "placement", "freshnessTopic", "resources", "activities", "boundaries", "barriers",
        "arcs"})
public class Deployable {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Project name and version.")
    private Project project;
    @JsonProperty(required = true)
    @JsonPropertyDescription("Provider, stage, account and region to place the project in.")
    private Placement placement;
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyDescription("An SNS topic for the project's freshness notifications (AWS): each change of a dataset's "
            + "freshness level and each freshness alarm is published to it. Needs a dataset with freshness targets.")
    private FreshnessTopic freshnessTopic;
    @JsonPropertyDescription("Static cloud objects: buckets, Glue databases and tables, buses, compute environments.")
    private List<Resource> resources = new ArrayList<>();
    @JsonPropertyDescription("Scheduled chores, e.g. CloudWatch log exports.")
    private List<Activity> activities = new ArrayList<>();
    @JsonPropertyDescription("Ingress boundaries that turn arrivals into lots and events.")
    private List<Boundary> boundaries = new ArrayList<>();
    @JsonPropertyDescription("Joins of several datasets; not supported yet, must be empty.")
    private List<Barrier> barriers = new ArrayList<>();
    @JsonPropertyDescription("Arcs: listen to source datasets, run a workload per lot, write sink datasets.")
    private List<Arc<?>> arcs = new ArrayList<>();

    public Deployable() {
    }

    public Deployable(Project project, Placement placement, List<Resource> resources, List<Activity> activities,
                      List<Boundary> boundaries, List<Arc<?>> arcs) {
        this.project = project;
        this.placement = placement;
        this.resources = List.copyOf(resources);
        this.activities = List.copyOf(activities);
        this.boundaries = List.copyOf(boundaries);
        this.arcs = List.copyOf(arcs);
    }

    public Project getProject() {
        return project;
    }

    public Placement getPlacement() {
        return placement;
    }

    /** Null when the project declares none. */
    public FreshnessTopic getFreshnessTopic() {
        return freshnessTopic;
    }

    public void setFreshnessTopic(FreshnessTopic freshnessTopic) {
        this.freshnessTopic = freshnessTopic;
    }

    public List<Resource> getResources() {
        return resources;
    }

    public List<Activity> getActivities() {
        return activities;
    }

    public List<Boundary> getBoundaries() {
        return boundaries;
    }

    public List<Barrier> getBarriers() {
        return barriers;
    }

    public List<Arc<?>> getArcs() {
        return arcs;
    }
}
