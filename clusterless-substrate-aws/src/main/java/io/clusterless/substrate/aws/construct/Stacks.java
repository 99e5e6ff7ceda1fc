package io.clusterless.substrate.aws.construct;

import io.clusterless.naming.PlacementNames;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Stack properties every clusterless stack shares. */
public final class Stacks {
    private Stacks() {
    }

    /**
     * A stack pinned to the placement's account and region (so synth never asks AWS for them) and deployed through
     * the {@code cdk bootstrap} roles and asset buckets. The bootstrap-version rule is left out: it reads an SSM
     * parameter that CloudFormation updates against moto (and other stand-ins) cannot resolve.
     */
    public static StackProps props(PlacementNames placement, String stackName, String description) {
        return StackProps.builder()
                .stackName(stackName)
                .description(description)
                .env(Environment.builder().account(placement.account()).region(placement.region()).build())
                .synthesizer(DefaultStackSynthesizer.Builder.create().generateBootstrapVersionRule(false).build())
                .build();
    }

    public static Stack create(Construct scope, PlacementNames placement, String stackName, String description) {
        return new Stack(scope, stackName, props(placement, stackName, description));
    }
}
