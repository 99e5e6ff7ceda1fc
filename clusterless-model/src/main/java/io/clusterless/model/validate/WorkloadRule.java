package io.clusterless.model.validate;

import io.clusterless.model.core.arc.batch.BatchExecArc;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.core.boundary.s3put.EventArrival;
import io.clusterless.model.core.boundary.s3put.LotSource;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;
import java.util.Map;
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
            Map<String, String> environment = arc.value().getWorkload().getEnvironment();
            for (Map.Entry<String, String> variable : environment == null ? Map.<String, String>of().entrySet()
                    : environment.entrySet()) {
                String problem = environmentProblem(variable.getKey(), variable.getValue());
                if (problem != null) {
                    problems.add(arc.problemAt(problem, "workload", "environment", variable.getKey()));
                }
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
