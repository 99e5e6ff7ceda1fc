package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.metadata.StackStates;
import io.clusterless.runtime.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClientBuilder;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.TemplateStage;

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
