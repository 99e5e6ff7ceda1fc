package io.clusterless.substrate.aws.component.resource.compute;

import io.clusterless.model.core.resource.compute.ComputeResource;
import io.clusterless.substrate.aws.construct.ProjectScope;
import software.amazon.awscdk.services.batch.CfnComputeEnvironment;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import io.clusterless.substrate.aws.construct.OriginalIds;
import software.constructs.Construct;

import java.util.List;

/**
 * {@code aws:core:computeEnvironment}: a managed Fargate compute environment in the bootstrap VPC. The VPC and its
 * subnets are imported from the bootstrap exports, so synth needs no look-up; on a placement the original
 * bootstrapped, which exports no subnets, the deploy passes the subnets of its bootstrap stack (ADR-0016). Tasks get no inbound rule; outbound is
 * open so they can pull images and reach S3. Batch uses its service-linked role.
 */
public final class ComputeEnvironmentConstruct extends Construct {
    /** The original's model class, the first part of its construct ids. */
    private static final String MODEL_CLASS = "ComputeResource";
    private static final int MAX_VCPUS = 4096;

    public ComputeEnvironmentConstruct(Construct scope, ProjectScope project, ComputeResource model) {
        super(scope, OriginalIds.resource(MODEL_CLASS, model.getComputeEnvironmentName()));
        String name = project.names().computeEnvironment(model.getComputeEnvironmentName());
        CfnSecurityGroup group = CfnSecurityGroup.Builder.create(this, "TaskSecurityGroup")
                .groupDescription("Batch Fargate tasks of " + name + ": no inbound access")
                .vpcId(project.exports().importVpcId())
                .securityGroupEgress(List.of(CfnSecurityGroup.EgressProperty.builder()
                        .ipProtocol("-1").cidrIp("0.0.0.0/0").description("image pulls and AWS APIs").build()))
                .build();
        CfnComputeEnvironment environment = CfnComputeEnvironment.Builder.create(
                        // the environment sits where the original's does, so a deploy over its stack keeps it (ADR-0016)
                        new Construct(this, getNode().getId()), "Resource")
                .computeEnvironmentName(name)
                .type("MANAGED")
                .state("ENABLED")
                .replaceComputeEnvironment(false)
                .computeResources(CfnComputeEnvironment.ComputeResourcesProperty.builder()
                        .type(model.isUseSpot() ? "FARGATE_SPOT" : "FARGATE")
                        .maxvCpus(MAX_VCPUS)
                        .subnets(subnets(project))
                        .securityGroupIds(List.of(group.getAttrGroupId()))
                        .build())
                .build();
        project.tag(environment, model.getTags());
        project.exportAsTheOriginal(this, "arn", model, environment.getRef());
    }

    private static List<String> subnets(ProjectScope project) {
        List<String> given = project.options().bootstrapSubnets(project.placementPlan().placement());
        return given.isEmpty() ? project.exports().importSubnetIds() : given;
    }
}
