package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.metadata.StackStates;
import io.clusterless.runtime.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** {@link StackStates} from CloudFormation's DescribeStacks and GetTemplate, one client per region. */
public final class CloudFormationStacks implements StackStates, AutoCloseable {
    /** How far apart this machine's clock and CloudFormation's may be. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final Function<String, AwsClients> clientsByRegion;
    private final Map<String, CloudFormationClient> clients = new HashMap<>();

    /** @param clientsByRegion the connection settings of the command (endpoint, profile) for a region */
    public CloudFormationStacks(Function<String, AwsClients> clientsByRegion) {
        this.clientsByRegion = clientsByRegion;
    }

    @Override
    public Optional<StackState> describe(String region, String stackName) {
        CloudFormationClient client = clients.computeIfAbsent(region, this::client);
        Stack stack;
        try {
            stack = client.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst().orElse(null);
        } catch (CloudFormationException e) {
            // DescribeStacks answers a stack that does not exist (any more) with a ValidationError
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
        if (stack == null) {
            return Optional.empty();
        }
        String status = stack.stackStatusAsString();
        String template = null;
        if (!status.equals("DELETE_COMPLETE") && !status.endsWith("_IN_PROGRESS")) {
            template = client.getTemplate(r -> r.stackName(stackName).templateStage(TemplateStage.ORIGINAL))
                    .templateBody();
        }
        return Optional.of(new StackState(status, stack.stackStatusReason(), template));
    }

    /** A stack's outputs by key, empty for a stack that does not exist. */
    public Map<String, String> outputs(String region, String stackName) {
        Map<String, String> outputs = new java.util.TreeMap<>();
        try {
            clients.computeIfAbsent(region, this::client).describeStacks(r -> r.stackName(stackName)).stacks()
                    .forEach(stack -> stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue())));
        } catch (CloudFormationException e) {
            if (!(e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist"))) {
                throw e;
            }
        }
        return outputs;
    }

    /** The export names of a stack's outputs, empty for a stack that does not exist. */
    public Set<String> exportNames(String region, String stackName) {
        Set<String> names = new TreeSet<>();
        try {
            clients.computeIfAbsent(region, this::client).describeStacks(r -> r.stackName(stackName)).stacks()
                    .forEach(stack -> stack.outputs().stream().map(Output::exportName).filter(Objects::nonNull)
                            .forEach(names::add));
        } catch (CloudFormationException e) {
            if (!(e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist"))) {
                throw e;
            }
        }
        return names;
    }

    /**
     * The physical ids of a stack's resources of one type, in the order of their logical ids; empty for a stack
     * that does not exist.
     */
    public List<String> resources(String region, String stackName, String type) {
        try {
            return clients.computeIfAbsent(region, this::client).describeStackResources(r -> r.stackName(stackName))
                    .stackResources().stream().filter(r -> type.equals(r.resourceType()))
                    .sorted(Comparator.comparing(StackResource::logicalResourceId))
                    .map(StackResource::physicalResourceId).toList();
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                return List.of();
            }
            throw e;
        }
    }

    /**
     * Why a stack's last create or update failed, in one line, from what the endpoint recorded since {@code since}:
     * the first resource that failed and its reason (CloudFormation's own error, in its stack events), else the
     * stack's status and reason. An emulator such as moto records no failed resource: its error was the answer to
     * CreateStack itself, and a stack it left half-made is said to be so. Empty when the stack reached a complete
     * state or does not exist.
     */
    public Optional<String> failure(String region, String stackName, Instant since) {
        CloudFormationClient client = clients.computeIfAbsent(region, this::client);
        List<StackEvent> events = new ArrayList<>();
        Stack stack;
        try {
            stack = client.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst().orElse(null);
            if (stack == null) {
                return Optional.empty();
            }
            client.describeStackEventsPaginator(r -> r.stackName(stackName)).stackEvents().forEach(events::add);
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.getMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            String answer = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                    ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorMessage();
            // moto cannot describe a stack it stopped making half-way: its log has the error it hit
            return Optional.of("the endpoint cannot describe it (" + answer + "): it failed while making the stack; "
                    + "an emulator's own log says why; delete the stack or restart the emulator before deploying "
                    + "again");
        }
        return failure(stack.stackStatusAsString(), stack.stackStatusReason(), events, since);
    }

    /**
     * {@link #failure(String, String, Instant)} from what DescribeStacks and DescribeStackEvents answered. The
     * operation is the one its last "User Initiated" stack event began; one begun before {@code since} (less
     * {@link #CLOCK_SLACK} for clocks apart) is not this command's.
     */
    public static Optional<String> failure(String status, String reason, List<StackEvent> newestFirst,
                                           Instant since) {
        List<StackEvent> events = new ArrayList<>(newestFirst);
        Collections.reverse(events);
        int begun = -1;
        for (int i = 0; i < events.size(); i++) {
            if (ofStack(events.get(i)) && "User Initiated".equals(events.get(i).resourceStatusReason())) {
                begun = i;
            }
        }
        if (begun < 0 || events.get(begun).timestamp() != null
                && events.get(begun).timestamp().isBefore(since.minus(CLOCK_SLACK))) {
            return Optional.empty();
        }
        for (StackEvent event : events.subList(begun, events.size())) {
            String resourceStatus = event.resourceStatusAsString();
            // the resources CloudFormation cancelled because another one failed say nothing of why
            if (!ofStack(event) && resourceStatus != null && resourceStatus.endsWith("_FAILED")
                    && !String.valueOf(event.resourceStatusReason()).contains("cancelled")) {
                return Optional.of(event.logicalResourceId() + " (" + event.resourceType() + ") " + resourceStatus
                        + ": " + event.resourceStatusReason());
            }
        }
        if (status == null || status.endsWith("_COMPLETE") && !status.contains("ROLLBACK")) {
            return Optional.empty();
        }
        if (status.endsWith("_IN_PROGRESS")) {
            return Optional.of("left " + status + " with no failed resource: the endpoint failed inside the "
                    + "request itself (an emulator's own log says why; an 'already exists' after it is the CDK CLI "
                    + "retrying that request); delete the stack or restart the emulator before deploying again");
        }
        return Optional.of(status + (reason == null ? "" : ": " + reason));
    }

    private static boolean ofStack(StackEvent event) {
        return "AWS::CloudFormation::Stack".equals(event.resourceType())
                && String.valueOf(event.stackName()).equals(event.logicalResourceId());
    }

    private CloudFormationClient client(String region) {
        AwsClients aws = clientsByRegion.apply(region);
        CloudFormationClientBuilder builder = CloudFormationClient.builder()
                .region(Region.of(aws.settings().region()))
                .credentialsProvider(aws.credentials())
                .httpClient(aws.http());
        aws.settings().endpoint("cloudformation").ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public void close() {
        clients.values().forEach(CloudFormationClient::close);
    }
}
