package io.clusterless.engine.metadata;

import java.util.Optional;

/** Port: what CloudFormation says of a stack now (DescribeStacks, GetTemplate). */
public interface StackStates {
    /**
     * @return empty when no such stack exists (never created, or deleted)
     */
    Optional<StackState> describe(String region, String stackName);

    /**
     * @param status       CloudFormation's StackStatus, e.g. {@code CREATE_COMPLETE}
     * @param reason       its StackStatusReason, may be null
     * @param templateJson the stack's current template; null when the status has none to read
     */
    record StackState(String status, String reason, String templateJson) {
        private static final String UNREADABLE = "UNREADABLE";

        /** A stack the command could not ask about (no permission, an emulator without the call). */
        public static StackState unreadable(String reason) {
            return new StackState(UNREADABLE, reason, null);
        }

        public boolean isUnreadable() {
            return status.equals(UNREADABLE);
        }

        public boolean inProgress() {
            return status.endsWith("_IN_PROGRESS");
        }

        /** Rolled back or failed: what the command was doing to this stack did not happen. */
        public boolean failed() {
            return status.endsWith("_FAILED") || status.contains("ROLLBACK");
        }

        public boolean deleted() {
            return status.equals("DELETE_COMPLETE");
        }
    }
}
