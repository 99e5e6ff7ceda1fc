package io.clusterless.substrate.aws.bootstrap;

import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.construct.BootstrapExports;
import io.clusterless.substrate.aws.construct.ManagedBuckets;
import io.clusterless.substrate.aws.construct.OriginalIds;
import io.clusterless.substrate.aws.construct.Stacks;
import io.clusterless.substrate.aws.nag.Nag;
import io.clusterless.uri.ArcStateURI;
import io.clusterless.substrate.aws.wire.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnTag;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.CfnInternetGateway;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnRouteTable;
import software.amazon.awscdk.services.ec2.CfnSubnet;
import software.amazon.awscdk.services.ec2.CfnSubnetRouteTableAssociation;
import software.amazon.awscdk.services.ec2.CfnVPC;
import software.amazon.awscdk.services.ec2.CfnVPCGatewayAttachment;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-placement stack (reference §3.2): metadata, arc-state and manifest buckets, the arc event bus, the VPC
 * Batch runs in, and the exports project stacks import.
 */
public final class BootstrapStack extends Stack {
    public static final String DESCRIPTION = "resources needed to manage Clusterless projects in this environment";
    private static final String VPC_CIDR = "10.14.0.0/16";
    static final int NONCURRENT_DAYS = 30;
    static final int ATTEMPT_RECORD_DAYS = 90;
    /** The first /19 blocks of the VPC, one per zone; literal rather than Fn::Cidr, which moto cannot evaluate. */
    private static final List<String> SUBNET_CIDRS = List.of("10.14.0.0/19", "10.14.32.0/19");

    public BootstrapStack(Construct scope, PlacementNames placement) {
        super(scope, placement.bootstrapStack(), Stacks.props(placement, placement.bootstrapStack(), DESCRIPTION));
        BootstrapExports exports = new BootstrapExports(placement);

        store("metadata", placement.metadataBucket(), exports);
        store("arcState", placement.arcStateBucket(), exports);
        store("manifest", placement.manifestBucket(), exports);

        EventBus bus = EventBus.Builder.create(this, "ArcEventBus").eventBusName(placement.arcEventBus()).build();
        // names are exported as the literal names they are (not Ref): moto's CloudFormation exports the resource
        // object for a Ref, and importing stacks then fail there
        OriginalIds.export(this, "meta", "event-bus", "arc-event-bus", "name", exports.eventBusName(),
                placement.arcEventBus());

        vpc(placement, exports);
    }

    /**
     * Versioned: a manifest or arc state overwritten by mistake can be recovered, for {@value #NONCURRENT_DAYS}
     * days; after that old versions expire, because arc state is rewritten at every transition and would otherwise
     * pile up versions for ever. The arc-state store also expires the arc-attempt end records (ADR-0003) after
     * {@value #ATTEMPT_RECORD_DAYS} days, far beyond any arc's running timeout.
     */
    private void store(String store, String bucketName, BootstrapExports exports) {
        // the original's construct id is the bucket name: same logical id, so a bootstrap over its stack keeps
        // the stores (ADR-0016)
        Bucket bucket = ManagedBuckets.create(this, bucketName, bucketName, true, false, true);
        bucket.addLifecycleRule(LifecycleRule.builder().id("ExpireOldVersions")
                .noncurrentVersionExpiration(Duration.days(NONCURRENT_DAYS))
                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build());
        if (store.equals("arcState")) {
            bucket.addLifecycleRule(LifecycleRule.builder().id("ExpireArcAttemptRecords")
                    .prefix(ArcStateURI.of((String) null).attemptsKeyPath())
                    .expiration(Duration.days(ATTEMPT_RECORD_DAYS)).build());
        }
        OriginalIds.export(this, "meta", store, "store", "name", exports.storeName(store), bucketName);
        OriginalIds.export(this, "meta", store, "store", "arn", exports.storeArn(store), bucket.getBucketArn());
    }

    /**
     * Public subnets only and no NAT gateway: Batch Fargate tasks get public IPs to pull images, and nothing listens.
     * Written with CloudFormation resources because the L2 {@code Vpc} asks AWS which availability zones the account
     * has; {@code Fn::GetAZs} answers at deploy time instead, so synth stays offline. Two zones exist in every region.
     */
    private void vpc(PlacementNames placement, BootstrapExports exports) {
        CfnVPC vpc = CfnVPC.Builder.create(this, "CommonVpc")
                .cidrBlock(VPC_CIDR)
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                .tags(List.of(CfnTag.builder().key("Name").value(placement.vpc()).build()))
                .build();
        Nag.suppress(vpc, "AwsSolutions-VPC7", "Only Batch Fargate tasks run in this VPC, with no inbound access; "
                + "their logs go to CloudWatch, and flow logs would add a log group and role per placement.");
        CfnInternetGateway gateway = CfnInternetGateway.Builder.create(this, "CommonVpcGateway").build();
        CfnVPCGatewayAttachment attachment = CfnVPCGatewayAttachment.Builder.create(this, "CommonVpcGatewayAttachment")
                .vpcId(vpc.getRef())
                .internetGatewayId(gateway.getRef())
                .build();
        CfnRouteTable routes = CfnRouteTable.Builder.create(this, "CommonVpcPublicRoutes").vpcId(vpc.getRef()).build();
        CfnRoute internet = CfnRoute.Builder.create(this, "CommonVpcInternetRoute")
                .routeTableId(routes.getRef())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(gateway.getRef())
                .build();
        internet.addResourceDependency(attachment);
        List<String> subnets = new ArrayList<>();
        for (int zone = 0; zone < BootstrapExports.AVAILABILITY_ZONES; zone++) {
            CfnSubnet subnet = CfnSubnet.Builder.create(this, "CommonVpcPublicSubnet" + (zone + 1))
                    .vpcId(vpc.getRef())
                    .cidrBlock(SUBNET_CIDRS.get(zone))
                    .availabilityZone(Fn.select(zone, Fn.getAzs()))
                    .mapPublicIpOnLaunch(false)
                    .tags(List.of(CfnTag.builder().key("Name").value(placement.vpcPublicSubnet(zone + 1)).build()))
                    .build();
            CfnSubnetRouteTableAssociation.Builder.create(this, "CommonVpcPublicSubnet" + (zone + 1) + "Routes")
                    .subnetId(subnet.getRef())
                    .routeTableId(routes.getRef())
                    .build();
            subnets.add(subnet.getRef());
        }
        OriginalIds.export(this, "meta", "vpc", "common-vpc", "id", exports.vpc("id"), vpc.getRef());
        OriginalIds.export(this, "meta", "vpc", "common-vpc", "arn", exports.vpc("arn"),
                "arn:" + Aws.PARTITION + ":ec2:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":vpc/" + vpc.getRef());
        OriginalIds.export(this, "meta", "vpc", "common-vpc", "name", exports.vpc("name"), placement.vpc());
        export("CommonVpcPublicSubnets", exports.subnetIds(), Fn.join(",", subnets));
    }

    private void export(String id, String exportName, String value) {
        CfnOutput.Builder.create(this, id).exportName(exportName).value(value).build();
    }
}
