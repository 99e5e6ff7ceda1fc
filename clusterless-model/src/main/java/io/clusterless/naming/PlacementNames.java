package io.clusterless.naming;

import io.clusterless.model.Placement;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Physical names owned by a placement (account × region × optional stage): the bootstrap stack, its buckets, bus and
 * VPC, and the export refs other stacks import (reference §1.11, §3.1, §3.2).
 * <p>
 * The stage is upper-cased in stack, bus and VPC names but lower-cased in bucket names (S3 forbids capitals) and in
 * export refs. An absent stage drops out of every name with its separator.
 */
public record PlacementNames(String stage, String account, String region) {
    /** Every export ref names this provider; it is the only one there is. */
    public static final String PROVIDER = "aws";
    /** Bootstrap exports live in this scope, scope version and namespace. */
    public static final String BOOTSTRAP_SCOPE = "bootstrap";
    public static final String BOOTSTRAP_SCOPE_VERSION = "1";
    public static final String BOOTSTRAP_NAMESPACE = "meta";

    private static final Set<String> QUALIFIERS = Set.of("name", "id", "arn");
    /** What every metadata bucket name holds after its optional stage; see {@link #ofMetadataBucket}. */
    private static final String METADATA_BUCKET_MARK = "clusterless-metadata-";

    public PlacementNames {
        requireText(account, "account");
        requireText(region, "region");
        stage = stage == null || stage.isBlank() ? null : stage.strip();
    }

    /**
     * The names of a project file's placement: its stage, account and region as declared.
     *
     * @throws IllegalArgumentException if account or region is blank
     */
    public static PlacementNames of(Placement placement) {
        Objects.requireNonNull(placement, "placement is required");
        return new PlacementNames(placement.getStage(), placement.getAccount(), placement.getRegion());
    }

    /**
     * The placement a metadata bucket belongs to, read back from its name
     * ({@code [<stage>-]clusterless-metadata-<account>-<region>}); empty for any other bucket. The stage is as the
     * bucket name has it: lower case.
     */
    public static Optional<PlacementNames> ofMetadataBucket(String bucket) {
        int at = bucket.indexOf(METADATA_BUCKET_MARK);
        if (at < 0 || (at > 0 && bucket.charAt(at - 1) != '-')) {
            return Optional.empty();
        }
        String stage = at == 0 ? null : bucket.substring(0, at - 1);
        String rest = bucket.substring(at + METADATA_BUCKET_MARK.length());
        int dash = rest.indexOf('-');
        if (dash <= 0 || dash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new PlacementNames(stage, rest.substring(0, dash), rest.substring(dash + 1)));
    }

    /** {@code <STAGE>-clusterless-bootstrap} */
    public String bootstrapStack() {
        return upperStage().with("clusterless").with("bootstrap").hyphenated();
    }

    /** {@code <stage>-clusterless-metadata-<account>-<region>} */
    public String metadataBucket() {
        return storeBucket("metadata");
    }

    /** {@code <stage>-clusterless-arc-state-<account>-<region>} */
    public String arcStateBucket() {
        return storeBucket("arcState");
    }

    /** {@code <stage>-clusterless-manifest-<account>-<region>} */
    public String manifestBucket() {
        return storeBucket("manifest");
    }

    private String storeBucket(String store) {
        return lowerStage().with("clusterless").with(store).withFixed(account).withFixed(region).hyphenated();
    }

    /** {@code <STAGE>-arc-events-<region>}: the bus that carries every arc notification in the placement. */
    public String arcEventBus() {
        return upperStage().with("arcEvents").withFixed(region).hyphenated();
    }

    /** {@code <STAGE>-common-vpc} */
    public String vpc() {
        return upperStage().with("commonVpc").hyphenated();
    }

    /** {@code <STAGE>-common-vpc-public-<n>}: the Name tag of the VPC's public subnet in its {@code n}th zone (from 1). */
    public String vpcPublicSubnet(int zoneNumber) {
        if (zoneNumber < 1) {
            throw new IllegalArgumentException("zones are numbered from 1, found: " + zoneNumber);
        }
        return vpc() + "-public-" + zoneNumber;
    }

    /**
     * {@code ref:aws:<qualifier>[:<stage>]:<scope>:<scopeVersion>:<ns>:<type>:<name>}, e.g.
     * {@code ref:aws:arn:dev:s3-simple:20230101-00:core:s3-bucket:bucket}. The scope version is kept verbatim, like
     * every version.
     *
     * @param qualifier {@code name}, {@code id} or {@code arn}
     */
    public String exportRef(String qualifier, String scope, String scopeVersion, String ns, String type, String name) {
        requireText(type, "type");
        return exportRef(qualifier, scope, scopeVersion, ns, Label.of(type), name);
    }

    private String exportRef(String qualifier, String scope, String scopeVersion, String ns, Label type, String name) {
        String q = qualifier == null ? null : qualifier.strip().toLowerCase(Locale.ROOT);
        if (!QUALIFIERS.contains(q)) {
            throw new IllegalArgumentException("unsupported ref qualifier: " + qualifier + ", expected one of arn, id, name");
        }
        requireText(scope, "scope");
        requireText(scopeVersion, "scopeVersion");
        requireText(ns, "ns");
        requireText(name, "name");
        return Label.of("ref").with(PROVIDER).with(q).with(lowerStage()).with(scope).withFixed(scopeVersion)
                .with(ns).with(type).with(name)
                .joined(":");
    }

    /**
     * The export of a bootstrap store: {@code ref:aws:<qualifier>[:<stage>]:bootstrap:1:meta:<store>:store}, the
     * store's key verbatim as the original exports it ({@code metadata}, {@code arcState}, {@code manifest}), so that
     * its arcs find our stores and ours find its.
     */
    public String storeExportRef(String qualifier, String store) {
        requireText(store, "store");
        return exportRef(qualifier, BOOTSTRAP_SCOPE, BOOTSTRAP_SCOPE_VERSION, BOOTSTRAP_NAMESPACE,
                Label.fixed(store.strip()), "store");
    }

    /** An export of the bootstrap stack, e.g. {@code ref:aws:name:dev:bootstrap:1:meta:event-bus:arc-event-bus}. */
    public String bootstrapExportRef(String qualifier, String type, String name) {
        return exportRef(qualifier, BOOTSTRAP_SCOPE, BOOTSTRAP_SCOPE_VERSION, BOOTSTRAP_NAMESPACE, type, name);
    }

    /** The stage as it appears in stack and resource names, or empty when there is no stage. */
    public Label upperStage() {
        return stage == null ? Label.empty() : Label.fixed(stage.toUpperCase(Locale.ROOT));
    }

    /** The stage as it appears in bucket names and export refs, or empty when there is no stage. */
    public Label lowerStage() {
        return stage == null ? Label.empty() : Label.fixed(stage.toLowerCase(Locale.ROOT));
    }

    static void requireText(String value, String field) {
        Objects.requireNonNull(value, () -> field + " is required");
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
