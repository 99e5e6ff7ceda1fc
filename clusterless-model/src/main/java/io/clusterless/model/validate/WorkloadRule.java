package io.clusterless.model.validate;

import io.clusterless.model.core.arc.BatchExecArc;
import io.clusterless.model.core.arc.S3CopyArc;
import io.clusterless.model.core.boundary.EventArrival;
import io.clusterless.model.core.boundary.LotSource;
import io.clusterless.model.core.boundary.S3PutListenerBoundary;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Type-specific settings that are valid JSON but cannot work. */
final class WorkloadRule implements Rule {
    private static final int SQS_MAX_WAIT_SEC = 20;

    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        for (Located<S3PutListenerBoundary> located : Elements.ofType(project, S3PutListenerBoundary.class)) {
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
        for (Located<S3CopyArc> arc : Elements.ofType(project, S3CopyArc.class)) {
            double percent = arc.value().getWorkload().getWorkloadProps().getFailArcOnPartialPercent();
            if (percent < 0.0 || percent > 1.0) {
                problems.add(arc.problemAt("failArcOnPartialPercent " + percent + " is out of range; use a fraction "
                        + "from 0.0 to 1.0", "workload", "workloadProps", "failArcOnPartialPercent"));
            }
        }
        for (Located<BatchExecArc> arc : Elements.ofType(project, BatchExecArc.class)) {
            if (arc.value().getWorkload().getImagePath().isBlank()) {
                problems.add(arc.problemAt("imagePath must name a directory with a Dockerfile", "workload",
                        "imagePath"));
            }
        }
    }
}
