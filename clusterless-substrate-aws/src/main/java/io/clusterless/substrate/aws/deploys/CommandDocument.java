package io.clusterless.substrate.aws.deploys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.metadata.DeployRecord;
import io.clusterless.engine.metadata.DeployRecords;
import io.clusterless.engine.metadata.StackStates;
import io.clusterless.engine.metadata.TemplateDigest;
import io.clusterless.engine.ops.OperationException;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.runtime.aws.AwsClients;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The one JSON document {@code cls deploy|diff|destroy|bootstrap --output json} writes to standard output for a CI
 * step (its fields are described in docs/show.md): every stack of the synthesized assembly with the change the command
 * meant for it and the status it has after, the deploy records written (ADR-0009), the metadata records removed,
 * the CDK CLI's exit code and the time each step took. Only with {@code --output json} does it ask CloudFormation
 * anything; otherwise every method is a no-op.
 */
public final class CommandDocument {
    /** What a command does to stacks: make them as synthesized, compare with them, or remove them. */
    public enum Intent { deploy, diff, destroy }

    /** The exit code of a command that failed with a one-line error. */
    private static final int FAILURE = 1;

    private final String command;
    private final Intent intent;
    /** Where the document goes (standard output); null without {@code --output json}. */
    private final PrintWriter out;
    private final Clock clock;
    private final boolean enabled;
    private final Instant started;
    private boolean dryRun;
    private Function<String, AwsClients> clients;
    private final List<AssemblyStacks.AssemblyStack> stacks = new ArrayList<>();
    private final Map<String, StackStates.StackState> before = new LinkedHashMap<>();
    private final List<Recorded> records = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> written = new ArrayList<>();
    private String error;
    private Long synthMillis;
    private Long cdkMillis;
    private Integer cdkExit;

    private record Recorded(ObjectStore store, String bucket, String project, String version) {
    }

    /** @param out where the document is printed, or null when the command was not asked for one (a no-op) */
    public CommandDocument(String command, Intent intent, PrintWriter out, Clock clock) {
        this.command = command;
        this.intent = intent;
        this.out = out;
        this.clock = clock;
        this.enabled = out != null;
        this.started = clock.instant();
    }

    /**
     * @param dryRun  nothing runs: the stacks are named, never read
     * @param clients the command's AWS connection for a region, to read the stacks
     */
    public CommandDocument connection(boolean dryRun, Function<String, AwsClients> clients) {
        this.dryRun = dryRun;
        this.clients = clients;
        return this;
    }

    /** The assembly is synthesized: its stacks as CloudFormation has them before cdk changes anything. */
    public void synthesized(Path assembly, long millis) {
        if (!enabled) {
            return;
        }
        synthMillis = millis;
        stacks.addAll(AssemblyStacks.read(assembly));
        if (dryRun) {
            return;
        }
        try (CloudFormationStacks cloudFormation = new CloudFormationStacks(clients)) {
            for (AssemblyStacks.AssemblyStack stack : stacks) {
                describe(cloudFormation, stack).ifPresent(state -> before.put(stack.name(), state));
            }
        }
    }

    public void cdkRan(int exit, long millis) {
        cdkExit = exit;
        cdkMillis = millis;
    }

    /** A deploy record was written in {@code bucket}; the document shows it as it is when the command ends. */
    public void recorded(ObjectStore store, String bucket, DeployRecord record) {
        if (enabled) {
            records.add(new Recorded(store, bucket, record.project(), record.version()));
        }
    }

    /** Metadata records written outside a deploy record (bootstrap's metadata.json). */
    public void written(List<String> uris) {
        if (enabled) {
            written.addAll(uris);
        }
    }

    private void failed(String message) {
        error = message;
    }

    public void removed(List<String> uris) {
        if (enabled) {
            removed.addAll(uris);
        }
    }

    /**
     * Runs a command and prints its document, also when it fails with a one-line error: a CI step reads how far it
     * got from the document, and the error from it and from standard error (where the error is printed too).
     */
    public int run(IntSupplier command) {
        int exit;
        try {
            exit = command.getAsInt();
        } catch (OperationException e) {
            failed(e.getMessage());
            print(FAILURE);
            throw e;
        }
        return print(exit);
    }

    /** Prints the document with {@code --output json}; returns {@code exit}, the command's exit code. */
    public int print(int exit) {
        if (!enabled) {
            return exit;
        }
        ObjectNode document = Json.records().createObjectNode();
        document.put("command", command);
        document.put("dryRun", dryRun);
        document.put("exitCode", exit);
        document.put("error", error);
        document.put("startedAt", started.toString());
        document.put("finishedAt", clock.instant().toString());
        ObjectNode timings = document.putObject("timings");
        timings.put("synthMillis", synthMillis);
        timings.put("cdkMillis", cdkMillis);
        timings.put("totalMillis", clock.millis() - started.toEpochMilli());
        document.put("cdkExitCode", cdkExit);
        ArrayNode stackNodes = document.putArray("stacks");
        int changes = 0;
        try (CloudFormationStacks cloudFormation = dryRun ? null : new CloudFormationStacks(clients)) {
            for (AssemblyStacks.AssemblyStack stack : stacks) {
                ObjectNode node = stackNodes.addObject();
                node.put("name", stack.name());
                node.put("account", stack.account());
                node.put("region", stack.region());
                if (stack.projectName() != null) {
                    node.putObject("project").put("name", stack.projectName()).put("version",
                            stack.projectVersion());
                } else {
                    node.putNull("project");
                }
                String change = dryRun ? null : change(stack, before.get(stack.name()));
                if (change != null && !change.equals("none")) {
                    changes++;
                }
                node.put("before", dryRun ? null : status(before.get(stack.name())));
                node.put("change", change);
                if (!dryRun && intent != Intent.diff && cdkExit != null) {
                    Optional<StackStates.StackState> after = describe(cloudFormation, stack);
                    node.put("after", status(after.orElse(null)));
                    node.put("afterReason", after.map(StackStates.StackState::reason).orElse(null));
                    ObjectNode outputs = node.putObject("outputs");
                    if (after.isPresent() && intent == Intent.deploy) {
                        try {
                            cloudFormation.outputs(stack.region(), stack.name()).forEach(outputs::put);
                        } catch (SdkException e) {
                            node.put("afterReason", "outputs unreadable: " + e.getMessage());
                        }
                    }
                } else {
                    node.putNull("after");
                }
            }
        }
        document.put("stacksChanged", dryRun ? null : changes);
        ArrayNode recordNodes = document.putArray("deployRecords");
        ArrayNode writtenNodes = document.putArray("metadataWritten");
        written.forEach(writtenNodes::add);
        for (Recorded recorded : records) {
            new DeployRecords(recorded.store()).read(recorded.bucket(), recorded.project(), recorded.version())
                    .ifPresent(read -> {
                        recordNodes.add(record(read));
                        if (read.record().state() == DeployRecord.State.deployed) {
                            read.record().records().forEach(r -> writtenNodes.add("s3://" + read.bucket() + "/"
                                    + r.key()));
                        }
                    });
        }
        ArrayNode removedNodes = document.putArray("metadataRemoved");
        removed.forEach(removedNodes::add);
        try {
            out.println(Json.records().writerWithDefaultPrettyPrinter().writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return exit;
    }

    /** A deploy record as the document shows it: where, its state, and the keys of the metadata it lists. */
    private static ObjectNode record(DeployRecords.Read read) {
        DeployRecord record = read.record();
        ObjectNode node = Json.records().createObjectNode();
        node.put("uri", "s3://" + read.bucket() + "/" + read.uri().key());
        node.put("id", record.id());
        node.put("project", record.project());
        node.put("version", record.version());
        node.put("state", record.state().name());
        node.put("startedAt", record.startedAt());
        node.put("finishedAt", record.finishedAt());
        node.put("by", record.by());
        node.put("message", record.message());
        ArrayNode written = node.putArray("metadata");
        record.records().forEach(r -> written.add("s3://" + read.bucket() + "/" + r.key()));
        return node;
    }

    /** What the command means for a stack, judged by its template (as ADR-0009's records compare them). */
    private String change(AssemblyStacks.AssemblyStack stack, StackStates.StackState state) {
        boolean absent = state == null || state.status().equals("DELETE_COMPLETE");
        if (intent == Intent.destroy) {
            return absent ? "none" : "delete";
        }
        if (absent || state.status().equals("REVIEW_IN_PROGRESS")) {
            return "create";
        }
        String template = state.templateJson();
        return template != null && stack.templateSha256().equals(TemplateDigest.of(template)) ? "none" : "update";
    }

    private static String status(StackStates.StackState state) {
        return state == null ? "ABSENT" : state.status();
    }

    private static Optional<StackStates.StackState> describe(CloudFormationStacks cloudFormation,
                                                             AssemblyStacks.AssemblyStack stack) {
        try {
            return cloudFormation.describe(stack.region(), stack.name());
        } catch (SdkException e) {
            // the document still names the stack; its status then says it could not be read
            return Optional.of(StackStates.StackState.unreadable(e.getMessage()));
        }
    }
}
