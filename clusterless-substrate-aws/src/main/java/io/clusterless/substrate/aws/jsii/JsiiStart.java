package io.clusterless.substrate.aws.jsii;

import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;
import software.amazon.jsii.JsiiRuntime;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Starts jsii's node process and loads aws-cdk-lib and the modules it depends on (in jsii's order: dependencies
 * first) from tarballs kept in the user cache ({@link ModuleTarballs}), so no run copies ~58 MB of tarballs out of the
 * jars into temporary folders, as jsii's own first use of a CDK class would; two that cls never needs not at all
 * ({@link #UNUSED}). The engine records each module as loaded, as its own {@code loadModule} does, so jsii never
 * loads one twice; any module not loaded here (cdk-nag) jsii still loads itself when its classes are first used.
 * <p>
 * When jsii's internals are not as expected (another jsii version) nothing is loaded here and jsii loads every
 * module itself, exactly as without this class; {@link #fallback} says why. A tarball the kernel refuses is removed
 * from the cache and that module loaded by jsii instead.
 */
public final class JsiiStart {
    /** The module loaded: cls's own (ADR 17), after aws-cdk-lib and the modules it depends on. */
    static final Class<? extends JsiiModule> ROOT = SynthModule.class;
    private static Outcome outcome;
    /**
     * Modules aws-cdk-lib depends on that no construct of cls's uses, left unloaded (named by their jsii module
     * class): the AWS CLI and the node proxy agent as Lambda layer assets, which only the CDK's BucketDeployment, EKS,
     * EMR-on-EKS and Service Catalog product stack constructs require, and only when built (aws-cdk-lib requires a
     * module when it is first used, as a Node CDK app does). Loading them had the kernel read and hash their 22 MB
     * of tarballs on every synth, while the JVM waited (docs/benchmarks.md). A construct that needs one would fail
     * its synth with node's "Cannot find module '@aws-cdk/asset-...'": SynthModuleTest keeps cls's code from using
     * them (an earlier pass kept them loaded for that risk alone); jsii loads one itself if a Java class of it is
     * used.
     */
    static final Set<String> UNUSED = Set.of("software.amazon.awscdk.cdk.asset.awscli.v1.$Module",
            "software.amazon.awscdk.cdk.asset.node.proxy.agent.v6.$Module");

    private JsiiStart() {
    }

    /**
     * What {@link #loadCdk} did: modules loaded from the cache, modules jsii loaded itself, and why (if it did); the
     * runtime script node ran when it was the cache's copy ({@link RuntimeScripts}), else empty (jsii extracted it).
     */
    public record Outcome(List<String> cached, List<String> byJsii, Optional<String> fallback,
                          Optional<Path> runtime) {
    }

    /**
     * Loads aws-cdk-lib and cls's own module (starting jsii's node process); at most once per JVM, later calls return
     * the first outcome.
     * jsii's own errors (no node) are thrown as jsii throws them.
     */
    public static synchronized Outcome loadCdk(Path cacheRoot) {
        if (outcome == null) {
            outcome = load(cacheRoot, ROOT, "loadedModules");
        }
        return outcome;
    }

    /** Why jsii loaded the CDK itself, when {@link #loadCdk} ran and could not; for {@code -v}. */
    public static synchronized Optional<String> fallback() {
        return outcome == null ? Optional.empty() : outcome.fallback();
    }

    /** Loads {@code root} and its dependencies into jsii's engine; {@code loadedField} is the engine's module map. */
    static Outcome load(Path cacheRoot, Class<? extends JsiiModule> root, String loadedField) {
        JsiiEngine engine = JsiiEngine.getInstance();
        JsiiInternals internals;
        try {
            internals = JsiiInternals.of(engine, loadedField);
        } catch (ReflectiveOperationException e) {
            engine.loadModule(root);
            return new Outcome(List.of(), List.of(nameOf(root)), Optional.of("jsii loads the CDK's modules itself "
                    + "(copying each tarball out of its jar): its runtime's internals are not those cls was built "
                    + "with (" + e + ")"), Optional.empty());
        }
        Optional<Path> runtime = useCachedRuntime(internals, cacheRoot, System.getenv("JSII_RUNTIME"),
                System.getenv("JSII_NODE"));
        engine.getClient(); // starts node: a missing node fails here, as on jsii's own first call
        Loader loader = new Loader(internals, new ModuleTarballs(cacheRoot));
        loader.load(root);
        return new Outcome(List.copyOf(loader.cached), List.copyOf(loader.byJsii),
                loader.byJsii.isEmpty() ? Optional.empty() : Optional.of("jsii copied these modules' tarballs out of "
                        + "their jars itself (the user cache could not hold a copy, or the kernel refused it): "
                        + String.join(", ", loader.byJsii)),
                runtime);
    }

    /**
     * Has jsii run its runtime script from the cache's copy: only where jsii would run it through the shell anyway
     * (JSII_NODE is a command with arguments, as bin/cls sets it, and JSII_RUNTIME is not set), with the same
     * command jsii builds, {@code JSII_NODE <script>}. Else, or when anything is amiss, jsii extracts it as usual.
     */
    static Optional<Path> useCachedRuntime(JsiiInternals internals, Path cacheRoot, String jsiiRuntime,
                                           String jsiiNode) {
        // JDK 26 warns when a final field is changed by reflection (JEP 500): there jsii keeps its own way
        boolean posix = !System.getProperty("os.name").startsWith("Windows");
        if (jsiiRuntime != null || jsiiNode == null || !jsiiNode.matches("(?s).*\\s.*") || !posix
                || Runtime.version().feature() >= 26) {
            return Optional.empty();
        }
        Optional<Path> script = CacheFolder.jarOf(JsiiRuntime.class)
                .flatMap(jar -> new RuntimeScripts(cacheRoot).script(jar));
        if (script.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> quoted = shellWord(script.get().toString());
        return quoted.isPresent() && internals.useRuntime(jsiiNode + " " + quoted.get()) ? script : Optional.empty();
    }

    /** {@code text} as one word of a POSIX shell command; empty when it holds a single quote. */
    static Optional<String> shellWord(String text) {
        if (text.matches("[A-Za-z0-9/._@+=:,-]+")) {
            return Optional.of(text);
        }
        return text.contains("'") ? Optional.empty() : Optional.of("'" + text + "'");
    }

    private static String nameOf(Class<? extends JsiiModule> type) {
        return instantiate(type).getModuleName();
    }

    private static JsiiModule instantiate(Class<? extends JsiiModule> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("jsii module " + type.getName() + " cannot be made", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jsii module " + type.getName() + " cannot be made", e);
        }
    }

    /** jsii's {@code JsiiEngine.loadModule}, with the tarball from the cache. */
    private static final class Loader {
        private final JsiiInternals jsii;
        private final ModuleTarballs tarballs;
        private final List<String> cached = new ArrayList<>();
        private final List<String> byJsii = new ArrayList<>();

        Loader(JsiiInternals jsii, ModuleTarballs tarballs) {
            this.jsii = jsii;
            this.tarballs = tarballs;
        }

        void load(Class<? extends JsiiModule> type) {
            JsiiModule module = instantiate(type);
            if (jsii.loaded(module)) {
                return;
            }
            List<Class<? extends JsiiModule>> dependencies;
            try {
                dependencies = jsii.dependencies(module);
            } catch (ReflectiveOperationException e) {
                byJsii(type, module);
                return;
            }
            for (Class<? extends JsiiModule> dependency : dependencies) {
                if (!UNUSED.contains(dependency.getName())) {
                    load(dependency);
                }
            }
            String name = module.getModuleName() + "@" + module.getModuleVersion();
            Optional<Path> tarball = tarballs.tarball(module);
            if (tarball.isEmpty()) {
                byJsii(type, module);
                return;
            }
            try {
                jsii.load(module, tarball.get());
                cached.add(name);
            } catch (RuntimeException | ReflectiveOperationException e) {
                // a damaged or vanished copy: jsii's own copy decides (it fails the same way if the module is bad)
                ModuleTarballs.discard(tarball.get());
                byJsii(type, module);
            }
        }

        private void byJsii(Class<? extends JsiiModule> type, JsiiModule module) {
            jsii.engine().loadModule(type);
            byJsii.add(module.getModuleName() + "@" + module.getModuleVersion());
        }
    }
}
