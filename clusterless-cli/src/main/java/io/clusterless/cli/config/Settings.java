package io.clusterless.cli.config;

import io.clusterless.substrate.aws.deploys.ProjectDeployment;

import java.util.List;
import java.util.Optional;

/** Every configuration key {@code cls} knows (reference §2.6, and ours), in the order they are shown. */
public final class Settings {
    public static final String COMMON = "common";
    public static final String AWS = "aws";
    public static final List<String> NAMESPACES = List.of(COMMON, AWS);

    public static final Setting REMOVE_ALL_ON_DESTROY = Setting.bool("common.resource.removeAllOnDestroy", false,
            "true: every bucket, database and table is destroyed with its stack, whatever the project says");
    public static final Setting REQUIRE_DEPLOY_APPROVAL = Setting.choice("aws.cdk.requireDeployApproval",
            "broadening", List.of("never", "any_change", "broadening"),
            "which changes the CDK CLI asks about before deploying (--approve means never)");
    public static final Setting REQUIRE_DESTROY_APPROVAL = Setting.bool("aws.cdk.requireDestroyApproval", true,
            "false: destroy without asking (--approve does the same)");

    public static final Setting SNAP_START = Setting.bool(ProjectDeployment.SNAP_START_KEY, true,
            "false: no SnapStart, functions invoked unqualified (emulators such as moto, which cannot resolve Lambda "
                    + "versions; with --endpoint-url cls sets it for you unless a layer sets it)");
    public static final Setting IMAGE_ASSETS = Setting.bool(ProjectDeployment.IMAGE_ASSETS_KEY, true,
            "false: batch arcs' container images are neither built nor pushed, their jobs name an image that does not "
                    + "exist (emulators such as moto, which have no registry; with --endpoint-url cls sets it for you "
                    + "unless a layer sets it)");
    public static final Setting PROFILE = Setting.text("aws.connection.profile",
            "the AWS profile, as --profile (unset: AWS_PROFILE, else default)");
    public static final Setting REGION = Setting.text("aws.connection.region",
            "the AWS region, as --region (unset: the placement's, else AWS_REGION)");
    public static final Setting ENDPOINT_URL = Setting.text("aws.connection.endpointUrl",
            "every AWS call to this endpoint, as --endpoint-url (an emulator: http://localhost:5000)");

    public static final List<Setting> ALL = List.of(REMOVE_ALL_ON_DESTROY, REQUIRE_DEPLOY_APPROVAL,
            REQUIRE_DESTROY_APPROVAL, SNAP_START, IMAGE_ASSETS, PROFILE, REGION, ENDPOINT_URL);

    private Settings() {
    }

    public static Optional<Setting> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public static List<Setting> of(String namespace) {
        return ALL.stream().filter(s -> s.namespace().equals(namespace)).toList();
    }
}
