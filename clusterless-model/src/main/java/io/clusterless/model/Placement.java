package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/** Where a project is placed: provider, optional stage, account and region. */
@JsonPropertyOrder({"provider", "stage", "account", "region"})
public class Placement {
    @JsonProperty(required = true)
    @JsonPropertyDescription("Substrate provider; only \"aws\" exists.")
    private String provider;
    @JsonPropertyDescription("Optional stage (dev, test, prod...) that namespaces everything within one account and region.")
    private String stage;
    @JsonProperty(required = true)
    @JsonPropertyDescription("AWS account id.")
    private String account;
    @JsonProperty(required = true)
    @JsonPropertyDescription("AWS region, e.g. us-west-2.")
    private String region;

    public Placement() {
    }

    public Placement(String provider, String stage, String account, String region) {
        this.provider = provider;
        this.stage = stage;
        this.account = account;
        this.region = region;
    }

    public String getProvider() {
        return provider;
    }

    public String getStage() {
        return stage;
    }

    public String getAccount() {
        return account;
    }

    public String getRegion() {
        return region;
    }

    /** {@code provider:stage:account:region}, the stage segment omitted when absent. */
    public String id() {
        return stage == null ? provider + ":" + account + ":" + region
                : provider + ":" + stage + ":" + account + ":" + region;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement that && Objects.equals(provider, that.provider) && Objects.equals(stage, that.stage)
                && Objects.equals(account, that.account) && Objects.equals(region, that.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, stage, account, region);
    }
}
