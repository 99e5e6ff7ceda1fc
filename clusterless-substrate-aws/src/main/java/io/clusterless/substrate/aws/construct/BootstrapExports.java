package io.clusterless.substrate.aws.construct;

import io.clusterless.naming.PlacementNames;
import software.amazon.awscdk.Fn;

import java.util.List;

/**
 * The export refs of the bootstrap stack (reference §3.2) and how project stacks import them: through
 * {@code Fn::ImportValue}, never a look-up, so synth needs no credentials.
 */
public record BootstrapExports(PlacementNames placement) {
    /** The VPC's public subnets, one per availability zone the bootstrap uses; not in the original's list. */
    public static final String SUBNETS_TYPE = "publicSubnets";
    public static final int AVAILABILITY_ZONES = 2;

    public String storeName(String store) {
        return placement.storeExportRef("name", store);
    }

    public String storeArn(String store) {
        return placement.storeExportRef("arn", store);
    }

    public String eventBusName() {
        return placement.bootstrapExportRef("name", "eventBus", "arcEventBus");
    }

    public String vpc(String qualifier) {
        return placement.bootstrapExportRef(qualifier, "vpc", "commonVpc");
    }

    public String subnetIds() {
        return placement.bootstrapExportRef("id", SUBNETS_TYPE, "commonVpc");
    }

    /** The arc bus name, resolved at deploy time from the bootstrap export. */
    public String importEventBusName() {
        return Fn.importValue(eventBusName());
    }

    public String importVpcId() {
        return Fn.importValue(vpc("id"));
    }

    public List<String> importSubnetIds() {
        return Fn.split(",", Fn.importValue(subnetIds()), AVAILABILITY_ZONES);
    }
}
