package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.naming.PlacementNames;
import io.clusterless.substrate.aws.wire.WireValues;
import software.amazon.awscdk.DefaultStackSynthesizerProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

import java.util.Map;

/** Stack properties every clusterless stack shares. */
public final class Stacks {
    private Stacks() {
    }

    /**
     * A stack pinned to the placement's account and region (so synth never asks AWS for them) and deployed through
     * the {@code cdk bootstrap} roles and asset buckets. The bootstrap-version rule is left out: it reads an SSM
     * parameter that CloudFormation updates against moto (and other stand-ins) cannot resolve.
     * <p>
     * The synthesizer is node's object only ({@link WireValues}): the Java class DefaultStackSynthesizer fetches its 12
     * static constants from node when first touched. So the props are for a stack's constructor: only node reads them.
     */
    public static StackProps props(PlacementNames placement, String stackName, String description) {
        StackProps props = StackProps.builder()
                .stackName(stackName)
                .description(description)
                .env(Environment.builder().account(placement.account()).region(placement.region()).build())
                .build();
        JsonNode synthesizer = WireValues.create("aws-cdk-lib.DefaultStackSynthesizer",
                DefaultStackSynthesizerProps.builder().generateBootstrapVersionRule(false).build());
        return new WireProps(WireValues.struct("aws-cdk-lib.StackProps", Map.of(), props,
                Map.of("synthesizer", synthesizer)));
    }

    public static Stack create(Construct scope, PlacementNames placement, String stackName, String description) {
        return new Stack(scope, stackName, props(placement, stackName, description));
    }

    /** Stack props jsii sends as {@code wire}; Java's getters answer nothing. */
    private record WireProps(ObjectNode wire) implements StackProps {
        @Override
        public JsonNode $jsii$toJson() {
            return wire;
        }
    }
}
