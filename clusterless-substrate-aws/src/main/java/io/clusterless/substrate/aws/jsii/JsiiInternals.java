package io.clusterless.substrate.aws.jsii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;
import software.amazon.jsii.JsiiRuntime;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parts of jsii's Java runtime that loading a module from a file of our choosing needs, and that jsii does not
 * make public: {@code JsiiClient.loadModule} always copies the module's tarball out of its jar into a fresh temporary
 * folder first (35 MB for aws-cdk-lib), and nothing else sends a {@code load} request. Looked up by reflection once;
 * when jsii's classes differ (another jsii version) {@link #of} fails and jsii loads every module itself, as before.
 */
final class JsiiInternals {
    private final JsiiEngine engine;
    private final Map<String, JsiiModule> loaded;
    private Object runtime;
    private final Method requestResponse;
    private final Method dependencies;

    private JsiiInternals(JsiiEngine engine, Map<String, JsiiModule> loaded, Object runtime, Method requestResponse,
                          Method dependencies) {
        this.engine = engine;
        this.loaded = loaded;
        this.runtime = runtime;
        this.requestResponse = requestResponse;
        this.dependencies = dependencies;
    }

    /** jsii's internals as the shipped jsii-runtime has them: the engine's loaded modules and its runtime. */
    static JsiiInternals of(JsiiEngine engine) throws ReflectiveOperationException {
        return of(engine, "loadedModules");
    }

    /** As {@link #of(JsiiEngine)}; {@code loadedField} names the engine's map of loaded modules (tests vary it). */
    static JsiiInternals of(JsiiEngine engine, String loadedField) throws ReflectiveOperationException {
        try {
            Field loadedModules = field(JsiiEngine.class, loadedField);
            Object runtime = field(JsiiEngine.class, "runtime").get(engine);
            Method requestResponse = runtime.getClass().getDeclaredMethod("requestResponse", JsonNode.class);
            requestResponse.setAccessible(true);
            Method dependencies = JsiiModule.class.getDeclaredMethod("getDependencies");
            dependencies.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, JsiiModule> loaded = (Map<String, JsiiModule>) loadedModules.get(engine);
            if (loaded == null) {
                throw new NoSuchFieldException(loadedField + " is not set");
            }
            return new JsiiInternals(engine, loaded, runtime, requestResponse, dependencies);
        } catch (RuntimeException e) { // InaccessibleObjectException, ClassCastException: another jsii
            throw new ReflectiveOperationException(e.getMessage(), e);
        }
    }

    /**
     * Has the engine run {@code command} (a shell command, as jsii runs JSII_RUNTIME) instead of extracting its
     * runtime scripts into a fresh temporary folder: a runtime made as jsii makes one from JSII_RUNTIME, put in the
     * engine's place before anything started. False (nothing changed) when the engine's runtime started already or
     * jsii's internals differ.
     */
    boolean useRuntime(String command) {
        try {
            Class<?> type = runtime.getClass();
            if (field(type, "childProcess").get(runtime) != null) {
                return false;
            }
            Constructor<?> make = type.getDeclaredConstructor(String.class, String.class);
            make.setAccessible(true);
            JsiiRuntime replacement = (JsiiRuntime) make.newInstance(command, null);
            replacement.setCallbackHandler(engine);
            field(JsiiEngine.class, "runtime").set(engine, replacement);
            runtime = replacement;
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    JsiiEngine engine() {
        return engine;
    }

    boolean loaded(JsiiModule module) {
        return loaded.containsKey(module.getModuleName());
    }

    @SuppressWarnings("unchecked")
    List<Class<? extends JsiiModule>> dependencies(JsiiModule module) throws ReflectiveOperationException {
        return (List<Class<? extends JsiiModule>>) dependencies.invoke(module);
    }

    /**
     * Sends the {@code load} request {@code JsiiClient.loadModule} sends, naming {@code tarball} instead of a fresh
     * copy, and records the module as loaded, as {@code JsiiEngine.loadModule} does after it. The kernel's own error
     * (a {@code JsiiError} or {@code RuntimeException}) is thrown as it is.
     */
    void load(JsiiModule module, Path tarball) throws ReflectiveOperationException {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("api", "load");
        request.put("tarball", tarball.toString());
        request.put("name", module.getModuleName());
        request.put("version", module.getModuleVersion());
        try {
            requestResponse.invoke(runtime, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
        loaded.put(module.getModuleName(), module);
    }

    /** A private field of one of jsii's classes, made accessible (jsii's internals: see the class comment). */
    static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
