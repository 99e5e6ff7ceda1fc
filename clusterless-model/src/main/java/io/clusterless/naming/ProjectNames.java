package io.clusterless.naming;

import io.clusterless.model.Deployable;

import java.util.Objects;

/**
 * Physical names of one project version in a placement (reference §3.1). The project name is hyphenated
 * ({@code S3Simple} → {@code s3-simple}); the version is kept verbatim. Names that must be unique per region carry it.
 */
public record ProjectNames(PlacementNames placement, String project, String version) {
    /** AWS rejects longer Lambda function names; validation checks names against it so synth fails early. */
    public static final int LAMBDA_NAME_MAX = 64;

    public ProjectNames {
        Objects.requireNonNull(placement, "placement is required");
        PlacementNames.requireText(project, "project");
        PlacementNames.requireText(version, "version");
    }

    /**
     * The names of a project file's project version in its placement.
     *
     * @throws IllegalArgumentException if a placement or project value is blank
     */
    public static ProjectNames of(Deployable deployable) {
        Objects.requireNonNull(deployable.getPlacement(), "placement is required");
        return of(PlacementNames.of(deployable.getPlacement()), deployable);
    }

    /** The names of a project file's project version in {@code placement}. */
    public static ProjectNames of(PlacementNames placement, Deployable deployable) {
        return new ProjectNames(placement, deployable.getProject().getName(), deployable.getProject().getVersion());
    }

    /** {@code <STAGE>-<project>-resource-activity-boundary-<version>-<region>} */
    public String groupedStack() {
        return regional(Label.of("resource", "activity", "boundary"));
    }

    /** {@code <STAGE>-<project>-arc-<arc>-<version>-<region>} */
    public String arcStack(String arc) {
        return regional(Label.of("arc").with(required(arc, "arc")));
    }

    /** {@code <STAGE>-<project>-<arc>-<version>} */
    public String arcStateMachine(String arc) {
        return versioned(Label.of(required(arc, "arc")));
    }

    /** {@code <STAGE>-<project>-<arc>-<version>-rule} */
    public String arcListenerRule(String arc) {
        return arcStateMachine(arc) + "-rule";
    }

    /**
     * {@code <STAGE>-<project>-<arc>-<version>-late}: a roll-up's late-tick schedule (ADR-0012), named so that
     * {@code cls enable|disable} switch it with the arc's listener.
     */
    public String arcLateTickRule(String arc) {
        return arcStateMachine(arc) + "-late";
    }

    /**
     * {@code <STAGE>-<project>-<component>-<fn>-<version>-<region>}.
     *
     * @param fn {@code start}/{@code complete} (arc gates), {@code func} (s3 copy, glue), {@code result} (batch),
     *           {@code int} (boundary), {@code act} (activity)
     * @return the name, even when longer than {@link #LAMBDA_NAME_MAX}: validation reports all long names at once
     */
    public String lambdaFunction(String component, String fn) {
        return regional(Label.of(required(component, "component")).with(required(fn, "fn")));
    }

    /** Boundary or activity EventBridge rule: {@code <STAGE>-<project>-<name>-<version>-<region>} */
    public String componentRule(String name) {
        return regional(Label.of(required(name, "name")));
    }

    /** {@code <STAGE>-<project>-<boundary>-<version>} */
    public String frequentQueue(String boundary) {
        return versioned(Label.of(required(boundary, "boundary")));
    }

    /**
     * The grouped stack's dead-letter queue, shared by its rules and the functions they invoke:
     * {@code <STAGE>-<project>-<version>-dlq}.
     */
    public String deadLetterQueue() {
        return prefix().withFixed(version).hyphenated() + "-dlq";
    }

    /**
     * An arc stack's dead-letter queue, for the events its listener rule could not deliver:
     * {@code <STAGE>-<project>-<arc>-<version>-arc-dlq} (the {@code arc} infix keeps it apart from a grouped
     * queue of a project whose name ends like this arc's). Shorter than the arc's gate function names, so
     * within SQS's 80 characters whenever those are within Lambda's 64.
     */
    public String arcDeadLetterQueue(String arc) {
        return versioned(Label.of(required(arc, "arc"))) + "-arc-dlq";
    }

    /**
     * The names a batch arc's container may give CloudWatch alarms: {@code <STAGE>-<project>-<arc>-<version>/}
     * followed by anything. The {@code /}, which no label contains, keeps one arc's alarms out of another's.
     */
    public String arcAlarmPrefix(String arc) {
        return batchJob(arc) + "/";
    }

    /** Batch job definition and job queue: {@code <STAGE>-<project>-<arc>-<version>} */
    public String batchJob(String arc) {
        return versioned(Label.of(required(arc, "arc")));
    }

    /** {@code /aws/batch/<batch job>} */
    public String batchLogGroup(String arc) {
        return "/aws/batch/" + batchJob(arc);
    }

    /** {@code <STAGE>-<project>-<computeEnvironmentName>-<version>} */
    public String computeEnvironment(String computeEnvironmentName) {
        return versioned(Label.of(required(computeEnvironmentName, "computeEnvironmentName")));
    }

    /** {@code /aws/lambda/<function name>}: the group Lambda writes to, so it can be created with a retention. */
    public String lambdaLogGroup(String functionName) {
        return "/aws/lambda/" + required(functionName, "functionName");
    }

    /** {@code /aws/vendedlogs/states/<state machine name>} */
    public String stateMachineLogGroup(String stateMachineName) {
        return "/aws/vendedlogs/states/" + required(stateMachineName, "stateMachineName");
    }

    /** A resource export of this project: {@code ref:aws:<qualifier>[:<stage>]:<project>:<version>:<ns>:<type>:<name>} */
    public String exportRef(String qualifier, String ns, String type, String name) {
        return placement.exportRef(qualifier, project, version, ns, type, name);
    }

    private Label prefix() {
        return placement.upperStage().with(project);
    }

    private String versioned(Label middle) {
        return prefix().with(middle).withFixed(version).hyphenated();
    }

    private String regional(Label middle) {
        return prefix().with(middle).withFixed(version).withFixed(placement.region()).hyphenated();
    }

    private static String required(String value, String field) {
        PlacementNames.requireText(value, field);
        return value;
    }
}
