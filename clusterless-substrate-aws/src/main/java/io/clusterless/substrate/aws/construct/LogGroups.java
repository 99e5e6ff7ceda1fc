package io.clusterless.substrate.aws.construct;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The one way clusterless makes log groups: named explicitly (no log-retention custom resource), removed with their
 * stack, and keeping events for the placement's {@code logRetentionDays} (validated against CloudWatch's values).
 */
public final class LogGroups {
    private LogGroups() {
    }

    private static final int ONE_MONTH_DAYS = 30;

    public static LogGroup create(Construct scope, String id, String name, int retentionDays) {
        LogGroup group = LogGroup.Builder.create(scope, id)
                .logGroupName(name)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // the days are a validated number; CDK's enum would need a table of names for the same values. ONE_MONTH
        // already gives the usual 30: no override then, which saves four round trips to node per log group
        if (retentionDays != ONE_MONTH_DAYS) {
            ((CfnLogGroup) group.getNode().getDefaultChild()).setRetentionInDays(retentionDays);
        }
        return group;
    }
}
