package io.clusterless.model.core.arc.gluejob;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;

import java.util.List;

/**
 * The model of {@value GlueJobArc#TYPE}: its declaration, documentation ({@code cls show component}), Lambda
 * function names and own validation ({@link GlueJobRule}).
 */
public final class GlueJobArcPlugin implements ComponentPlugin, ComponentRules<GlueJobArc> {
    private static final ComponentType TYPE = new ComponentType(GlueJobArc.TYPE, ComponentKind.ARC,
            GlueJobArc.class,
            "Runs a Glue job (Spark or Python shell script) per lot and lists what it wrote.",
            "For every lot of its sources, runs the Python script scriptPath as a Glue job (jobType glueetl: Spark; "
                    + "pythonshell: plain Python) with the arguments --cls-lot LOT, --cls-arc-props (the JSON "
                    + "other arcs get as CLS_ARC_PROPS_JSON), --cls-source-role, --cls-source-manifest (the lot's "
                    + "manifest), --cls-attempt and one --cls-sink-ROLE <sink pathURI>lot=<LOT>/ per sink, then the "
                    + "declared arguments. The script writes its output under those folders; cls clears each "
                    + "folder before the run and lists it into the sink manifest after it (none written: an empty "
                    + "lot). On AWS the state machine runs the job with glue:startJobRun.sync; locally a "
                    + "pythonshell job runs with python3 and a glueetl job with spark-submit, against the local S3 "
                    + "endpoint. A failed run's error is the lot's error in cls gaps.",
            List.of("start", "complete", "func"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<GlueJobArc>> rules() {
        return List.of(new GlueJobRule());
    }
}
