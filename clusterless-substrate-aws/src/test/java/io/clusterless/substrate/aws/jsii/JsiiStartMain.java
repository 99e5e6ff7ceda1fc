package io.clusterless.substrate.aws.jsii;

import io.clusterless.substrate.aws.nag.Nag;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.s3.Bucket;

import java.nio.file.Path;

/**
 * Loads the CDK as {@link JsiiStart} does, in a JVM of its own (jsii's engine is one per JVM), then builds a stack
 * with a bucket, suppressed through cls's own module: prints the outcome ({@code cached:}, {@code byJsii:} and
 * {@code fallback:} lines) and the template ({@code template:} line). {@code args}: the cache root, and the name of
 * the engine's loaded-modules field (another name plays a jsii whose internals differ). Run by {@link JsiiStartTest}.
 */
public final class JsiiStartMain {
    private JsiiStartMain() {
    }

    public static void main(String[] args) {
        JsiiStart.Outcome outcome = JsiiStart.load(Path.of(args[0]), JsiiStart.ROOT, args[1]);
        System.out.println("cached: " + String.join(" ", outcome.cached()));
        System.out.println("byJsii: " + String.join(" ", outcome.byJsii()));
        System.out.println("fallback: " + outcome.fallback().orElse(""));
        System.out.println("runtime: " + outcome.runtime().map(Path::toString).orElse(""));
        App app = App.Builder.create().outdir(args[2]).build();
        Stack stack = new Stack(app, "Probe");
        Bucket bucket = Bucket.Builder.create(stack, "Bucket").versioned(true).build();
        Nag.suppress(bucket, "AwsSolutions-S1", "cls's own module writes this"); // a call into clusterless-synth
        System.out.println("template: " + app.synth().getStackByName("Probe").getTemplate());
        // jsii's node process keeps the JVM alive otherwise
        System.exit(0);
    }
}
