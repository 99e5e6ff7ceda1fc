package io.clusterless.substrate.aws.deploys;

import io.clusterless.substrate.aws.connection.AwsConnection;

import java.nio.file.Path;

/**
 * How a deploy, destroy, diff or bootstrap runs the AWS CDK CLI, and where it connects.
 *
 * @param approve                answer every question of the CDK CLI with yes
 * @param dryRun                 synthesize and print the cdk command, run nothing, write no metadata
 * @param retry                  re-run a failed cdk command (3 attempts)
 * @param cdk                    the CDK CLI to run, or null to locate (or install) the pinned one
 * @param requireDeployApproval  the configured {@code --require-approval} level of deploy (never, any_change, broadening)
 * @param requireDestroyApproval whether destroy asks before it removes stacks
 */
public record CdkSettings(boolean approve, boolean dryRun, boolean retry, Path cdk, AwsConnection connection,
                          String requireDeployApproval, boolean requireDestroyApproval) {
}
