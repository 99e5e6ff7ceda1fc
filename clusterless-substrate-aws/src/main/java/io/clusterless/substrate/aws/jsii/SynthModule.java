package io.clusterless.substrate.aws.jsii;

import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;

import java.util.List;

/**
 * cls's own jsii module, {@code clusterless-synth} (src/main/jsii, ADR 17): work of a synth done in node in one round
 * trip where the Java side would need many. Its bundle is built with this module (an npm tarball next to this class);
 * {@link JsiiStart} loads it after aws-cdk-lib, from the user cache like the CDK's own modules. Its types are only
 * called through static methods with wire values, so no node object is ever mapped to a Java class of it.
 */
public final class SynthModule extends JsiiModule {
    public static final String NAME = "clusterless-synth";

    public SynthModule() {
        super(NAME, "1.0.0", SynthModule.class, NAME + "@1.0.0.jsii.tgz");
    }

    /** Makes sure jsii's node process has this module (and aws-cdk-lib) loaded: a look-up once it has. */
    public static void load() {
        JsiiEngine.getInstance().loadModule(SynthModule.class);
    }

    @Override
    protected List<Class<? extends JsiiModule>> getDependencies() {
        return List.of(software.amazon.awscdk.$Module.class);
    }

    @Override
    protected Class<?> resolveClass(String fqn) throws ClassNotFoundException {
        throw new ClassNotFoundException(fqn + ": " + NAME + " has no Java classes, only static methods called by "
                + "name");
    }
}
