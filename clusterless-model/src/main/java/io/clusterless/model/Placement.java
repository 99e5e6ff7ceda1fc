package io.clusterless.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * Where a project is placed: provider, optional stage, account and region, and how long the project's log groups
 * keep their events there. The identity ({@link #equals}) is provider, stage, account and region only.
 */
@JsonPropertyOrder({"provider", "stage", "account", "region", "logRetentionDays"})
public class Placement {
    /**
     * What a production team keeps without asking: a month of Lambda, Batch and state machine logs. One default
     * for every stage, because stage names carry no meaning elsewhere; a dev placement that wants less says so.
     */
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** The only values CloudWatch Logs accepts for a log group's retention, in days. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

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
    @JsonPropertyDescription("Days the project's log groups (Lambda, Batch, state machines) keep events; one of "
            + "CloudWatch's values 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, "
            + "2557, 2922, 3288, 3653. Default 30.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private Integer logRetentionDays;

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

    /** As written in the file: null when absent. */
    public Integer getLogRetentionDays() {
        return logRetentionDays;
    }

    /** The retention in effect: the field, else {@value #DEFAULT_LOG_RETENTION_DAYS}. */
    public int logRetentionDays() {
        return logRetentionDays == null ? DEFAULT_LOG_RETENTION_DAYS : logRetentionDays;
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
