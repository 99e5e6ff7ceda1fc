package io.clusterless.model.validate;

import io.clusterless.model.Placement;
import io.clusterless.model.shape.FieldPath;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.LoadedProject;
import io.clusterless.model.load.Problem;

import java.util.List;

/**
 * {@code placement.logRetentionDays} is a value CloudWatch Logs accepts (CloudFormation would reject any other only
 * at deploy time), and the files of one project agree on it, since their log groups live in the same stacks.
 */
final class LogRetentionRule implements Rule {
    @Override
    public void check(LoadedProject project, ValidationOptions options, List<Problem> problems) {
        FieldPath path = FieldPath.of("placement", "logRetentionDays");
        for (LoadedFile file : project.files()) {
            Integer days = file.deployable().getPlacement().getLogRetentionDays();
            if (days != null && !Placement.LOG_RETENTION_DAYS.contains(days)) {
                problems.add(file.problem(path, "logRetentionDays " + days + " is not a CloudWatch Logs retention; "
                        + "use one of " + Placement.LOG_RETENTION_DAYS + " (default "
                        + Placement.DEFAULT_LOG_RETENTION_DAYS + ")"));
            }
        }
        if (project.files().size() < 2) {
            return;
        }
        LoadedFile first = project.files().get(0);
        int expected = first.deployable().getPlacement().logRetentionDays();
        for (LoadedFile file : project.files().subList(1, project.files().size())) {
            int actual = file.deployable().getPlacement().logRetentionDays();
            if (actual != expected) {
                problems.add(file.problem(path, "all project files must have the same logRetentionDays: "
                        + first.display() + " has " + expected + ", this file has " + actual));
            }
        }
    }
}
