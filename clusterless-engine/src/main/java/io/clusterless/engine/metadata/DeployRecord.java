package io.clusterless.engine.metadata;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What {@code cls deploy} or {@code cls destroy} is about to do to one project version, written to
 * {@code deploys/name=<project>/version=<version>/deploy.json} before the CDK CLI starts and completed after it
 * (ADR-0009). A command killed in between leaves {@link State#deploying} or {@link State#destroying}; a later command
 * compares {@link #stacks} with CloudFormation and finishes the record, writing {@link #records} for a deploy that
 * reached every stack.
 *
 * @param id         unique per attempt
 * @param startedAt  ISO instant the intent was written
 * @param finishedAt ISO instant the outcome was known; null while unfinished
 * @param by         user@host that ran the command
 * @param files      the project files as given on the command line, to say what to re-run
 * @param stacks     every stack of this project the command's cdk run deploys or destroys
 * @param records    the metadata records (reference §4.2) the deploy writes on success, materials.json last; empty
 *                   for a destroy
 * @param message    how the outcome was known, or why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployRecord(String id, State state, String project, String version, String startedAt,
                           String finishedAt, String clsVersion, String by, List<String> files, List<Stack> stacks,
                           List<Record> records, String message) {
    public enum State {
        deploying, deployed, deployFailed, destroying, destroyed, destroyFailed;

        /** The command that wrote this state has not said how it ended. */
        public boolean unfinished() {
            return this == deploying || this == destroying;
        }

        /** {@code deploy} or {@code destroy}. */
        public String verb() {
            return name().startsWith("deploy") ? "deploy" : "destroy";
        }
    }

    /**
     * One CloudFormation stack and the digest of the template the command gives it ({@link TemplateDigest}), so a
     * stack that still has an older template is not taken for deployed.
     */
    public record Stack(String name, String region, String templateSha256) {
    }

    /** A metadata object: its key in the placement's metadata bucket and its JSON body. */
    public record Record(String key, JsonNode body) {
    }

    public DeployRecord {
        files = files == null ? List.of() : List.copyOf(files);
        stacks = stacks == null ? List.of() : List.copyOf(stacks);
        records = records == null ? List.of() : List.copyOf(records);
    }

    /** This attempt, ended in {@code outcome} at {@code finishedAt}. */
    public DeployRecord finished(State outcome, String finishedAt, String message) {
        return new DeployRecord(id, outcome, project, version, startedAt, finishedAt, clsVersion, by, files, stacks,
                records, message);
    }

    /** What a user re-runs: {@code cls deploy -p FILE…}. */
    public String command() {
        StringBuilder command = new StringBuilder("cls ").append(state.verb());
        files.forEach(file -> command.append(" -p ").append(file));
        return command.toString();
    }
}
