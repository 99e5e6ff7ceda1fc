package io.clusterless.model.core.boundary.s3put;

import io.clusterless.model.Component;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentPlugin;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.component.NameClaim;
import io.clusterless.model.component.PhysicalNameKind;
import io.clusterless.model.load.Problem;
import io.clusterless.model.validate.ComponentRule;
import io.clusterless.model.validate.ComponentRules;
import io.clusterless.model.validate.Located;
import io.clusterless.model.validate.RuleContext;
import io.clusterless.naming.ProjectNames;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The model of {@value S3PutListenerBoundary#TYPE}: its declaration, documentation, Lambda function names and own validation
 * rules.
 */
public final class S3PutListenerBoundaryPlugin implements ComponentPlugin, ComponentRules<S3PutListenerBoundary> {
    private static final int SQS_MAX_WAIT_SEC = 20;

    private static final ComponentType TYPE = new ComponentType(
            S3PutListenerBoundary.TYPE, ComponentKind.BOUNDARY, S3PutListenerBoundary.class,
            "Turns objects put under an S3 prefix into lots of a dataset.",
            "Listens for objects created under dataset.pathURI and groups them into lots of lotUnit. "
                    + "infrequent: each S3 event writes its lot's manifest (one object per lot; later "
                    + "objects are recorded as late arrivals). frequent: events queue up and a manifest, "
                    + "empty when nothing arrived, is written at the end of every interval. Each manifest "
                    + "is announced on the arc event bus for subscribed arcs.",
            List.of("int"));

    @Override
    public ComponentType type() {
        return TYPE;
    }

    /** A frequent boundary also gets the queue its S3 notifications fill. */
    @Override
    public List<NameClaim> physicalNames(Component component) {
        List<NameClaim> claims = new ArrayList<>(ComponentPlugin.super.physicalNames(component));
        if (((S3PutListenerBoundary) component).getEventArrival() == EventArrival.frequent) {
            claims.add(NameClaim.ofName(component.getName(), PhysicalNameKind.QUEUE, ProjectNames::frequentQueue));
        }
        return claims;
    }

    @Override
    public List<ComponentRule<S3PutListenerBoundary>> rules() {
        return List.of(ComponentRule.of(ComponentRule.Concern.SETTINGS, S3PutListenerBoundaryPlugin::settings));
    }

    /** Settings that are valid JSON but cannot work. */
    private static void settings(Located<S3PutListenerBoundary> located, RuleContext context,
                                 List<Problem> problems) {
        S3PutListenerBoundary boundary = located.value();
        if (boundary.getEventArrival() == EventArrival.veryFrequent) {
            problems.add(located.problem("eventArrival", "eventArrival \"veryFrequent\" is not supported yet; "
                    + "use \"frequent\""));
        }
        if (boundary.getInfrequent().getLotSource() == LotSource.keyTimestampRegex) {
            String regex = boundary.getInfrequent().getKeyRegex();
            if (regex == null || regex.isBlank()) {
                problems.add(located.problemAt("lotSource keyTimestampRegex needs \"keyRegex\": a regex over the "
                        + "object key whose groups give the lot time", "infrequent", "lotSource"));
            } else {
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    problems.add(located.problemAt("keyRegex is not a valid regex: " + e.getDescription(),
                            "infrequent", "keyRegex"));
                }
            }
        }
        int wait = boundary.getFrequent().getQueueFetchWaitSec();
        if (wait < 0 || wait > SQS_MAX_WAIT_SEC) {
            problems.add(located.problemAt("queueFetchWaitSec " + wait + " is out of range; use 0 to "
                    + SQS_MAX_WAIT_SEC + " seconds", "frequent", "queueFetchWaitSec"));
        }
    }
}
