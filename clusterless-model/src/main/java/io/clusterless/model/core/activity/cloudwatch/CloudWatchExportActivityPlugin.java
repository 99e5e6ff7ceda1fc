package io.clusterless.model.core.activity.cloudwatch;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.resource.s3bucket.S3BucketResource;
import io.clusterless.model.load.Problem;
import io.clusterless.model.reference.Reference;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.Locations;
import io.clusterless.model.validate.Names;
import io.clusterless.model.validate.RuleContext;

import java.util.List;

/**
 * The model of {@value CloudWatchExportActivity#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class CloudWatchExportActivityPlugin implements ComponentPlugin, ComponentRules<CloudWatchExportActivity> {
    private static final ComponentType TYPE = new ComponentType(
            CloudWatchExportActivity.TYPE, ComponentKind.ACTIVITY, CloudWatchExportActivity.class,
            "Exports a CloudWatch Logs group to S3 every interval.",
            "Every Fourths, Sixths or Twelfths interval, creates a CloudWatch Logs export task for the "
                    + "interval that just ended, writing to pathURI. With bucketRef, the bucket of that "
                    + "s3Bucket component is used and granted to the logs service.",
            List.of("act"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    @Override
    public List<ComponentRule<CloudWatchExportActivity>> rules() {
        return List.of(
                ComponentRule.of(ComponentRule.Concern.NAMES, CloudWatchExportActivityPlugin::logGroupName),
                ComponentRule.of(ComponentRule.Concern.LOCATIONS, CloudWatchExportActivityPlugin::destination),
                ComponentRule.of(ComponentRule.Concern.REFERENCES, CloudWatchExportActivityPlugin::bucketRef));
    }

    private static void logGroupName(Located<CloudWatchExportActivity> export, RuleContext context,
                                     List<Problem> problems) {
        String problem = Names.logGroupProblem(export.value().getLogGroupName());
        if (problem != null) {
            problems.add(export.problemAt(problem, "logGroupName"));
        }
    }

    /** pathURI is a whole S3 location, or only a prefix when bucketRef names the bucket. */
    private static void destination(Located<CloudWatchExportActivity> export, RuleContext context,
                                    List<Problem> problems) {
        String uri = export.value().getPathURI();
        boolean bucketFromRef = export.value().getBucketRef() != null
                && (uri.startsWith("s3:///") || uri.startsWith("/"));
        String problem = bucketFromRef
                ? Locations.keyProblem(uri, uri.startsWith("/") ? uri : uri.substring("s3://".length()))
                : Locations.s3Problem(uri);
        if (problem != null) {
            problems.add(export.problem("pathURI", "export destination " + problem
                    + (uri.startsWith("/") || uri.startsWith("s3:///") ? " (or set bucketRef)" : "")));
        }
    }

    private static void bucketRef(Located<CloudWatchExportActivity> export, RuleContext context,
                                  List<Problem> problems) {
        String ref = export.value().getBucketRef();
        if (ref == null) {
            return;
        }
        Reference reference = context.references().resolve(ref, S3BucketResource.TYPE);
        if (!(reference instanceof Reference.ToComponent) && !(reference instanceof Reference.Unresolved)) {
            // the bucket policy for the logs service is added to the bucket construct, so it must be ours
            reference = new Reference.Unresolved("bucketRef must name an aws:core:s3Bucket of this project");
        }
        RuleContext.reportUnresolved(reference, export, problems, "bucketRef");
    }
}
