package io.clusterless.model.core.arc.gluejob;

/**
 * The arguments cls gives every run of a glueJobArc's script, the same on AWS (the state machine's Glue task) and
 * locally (the python3 or spark-submit command line); a script reads them with argparse or Glue's
 * {@code getResolvedOptions}. The declared {@code arguments} follow them and may not use the {@value #RESERVED}
 * prefix.
 */
public final class GlueJobArguments {
    public static final String RESERVED = "--cls-";
    /** The lot id. */
    public static final String LOT = "--cls-lot";
    /** The arc props as JSON, what other arcs' code reads from {@code CLS_ARC_PROPS_JSON}. */
    public static final String ARC_PROPS = "--cls-arc-props";
    /** The source role whose lot started the run. */
    public static final String SOURCE_ROLE = "--cls-source-role";
    /** That lot's manifest, s3://…/manifest.json, which lists its objects. */
    public static final String SOURCE_MANIFEST = "--cls-source-manifest";
    /** The run's attempt: one job run per attempt (the state machine's execution, the local run's attempt id). */
    public static final String ATTEMPT = "--cls-attempt";

    private GlueJobArguments() {
    }

    /** {@code --cls-sink-<role>}: the folder {@code <sink pathURI>lot=<LOT>/} the script writes the role's output to. */
    public static String sink(String role) {
        return RESERVED + "sink-" + role;
    }
}
