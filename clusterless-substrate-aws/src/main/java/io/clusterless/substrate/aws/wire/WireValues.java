package io.clusterless.substrate.aws.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.jsii.JsiiClient;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiObjectMapper;
import software.amazon.jsii.JsiiObjectRef;
import software.amazon.jsii.JsiiSerializable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CDK values in jsii's wire form (what Java sends node), for struct fields whose Java class would cost many round
 * trips just by being touched. jsii's Java class of a CDK type fetches every static constant of the type from node
 * when the JVM initialises it, and any instance of the class initialises it: {@code lambda.Runtime.JAVA_21} costs
 * about 105 round trips (52 constants, each followed by jsii asking the Java package of the returned object), while
 * the same object fetched here is one, and Java never maps it to its class.
 * <p>
 * Values are kept once per JVM, like {@code BridgeValues} (jsii keeps one node process per JVM): only immutable ones.
 */
public final class WireValues {
    private static final String STRUCT = "$jsii.struct";
    private static final Map<String, JsonNode> STATICS = new HashMap<>();
    /** The jsii modules whose types {@link #javaClass} knows: the CDK's and its constructs'. */
    private static final Map<String, Class<?>> MODULES = Map.of(
            "aws-cdk-lib", software.amazon.awscdk.$Module.class,
            "constructs", software.constructs.$Module.class);
    /** Per module of {@link #MODULES}, its type list: a type's fqn to its Java class name. */
    private static final Map<String, Map<String, String>> TYPES = new HashMap<>();

    private static boolean loaded;

    private WireValues() {
    }

    /** jsii's client, with aws-cdk-lib loaded into node (as jsii's own classes make sure before their calls). */
    private static JsiiClient client() {
        JsiiEngine engine = JsiiEngine.getInstance();
        synchronized (STATICS) {
            if (!loaded) {
                engine.loadModule(software.amazon.awscdk.$Module.class);
                loaded = true;
            }
        }
        return engine.getClient();
    }

    /**
     * Node's value of static property {@code property} of {@code fqn} (e.g. {@code aws-cdk-lib.aws_lambda.Runtime},
     * {@code JAVA_21}): for an object, a reference to node's own instance, as the Java constant would be.
     */
    public static JsonNode constant(String fqn, String property) {
        JsiiClient client = client();
        synchronized (STATICS) {
            return STATICS.computeIfAbsent(fqn + "." + property,
                    key -> client.getStaticPropertyValue(fqn, property));
        }
    }

    /** A new object of class {@code fqn} in node, built from {@code args} (Java values or wire values). */
    public static JsonNode create(String fqn, Object... args) {
        return client().createObject(fqn, List.of(args), List.of(), List.of()).toJson();
    }

    /** The wire form of enum member {@code member} of enum {@code fqn}. */
    public static JsonNode enumMember(String fqn, String member) {
        return JsonNodeFactory.instance.objectNode().put("$jsii.enum", fqn + "/" + member);
    }

    /**
     * Static method {@code method} of {@code fqn} called with {@code args} (Java values or wire values); its result
     * in wire form. A new object it returns is not mapped to its Java class, which costs jsii a round trip more.
     */
    public static JsonNode callStatic(String fqn, String method, Object... args) {
        return client().callStaticMethod(fqn, method, JsiiObjectMapper.valueToTree(
                Arrays.asList(args)));
    }

    /**
     * Method {@code method} of {@code target} (a Java object of the CDK or a wire reference) called with
     * {@code args}; its result in wire form, as {@link #callStatic}.
     */
    public static JsonNode call(Object target, String method, Object... args) {
        JsiiClient client = client();
        return client.callMethod(ref(target), method, JsiiObjectMapper.valueToTree(Arrays.asList(args)));
    }

    /** Property {@code property} of {@code target} (a Java object of the CDK or a wire reference), in wire form. */
    public static JsonNode get(Object target, String property) {
        JsiiClient client = client();
        return client.getPropertyValue(ref(target), property);
    }

    /** jsii's reference to {@code target}: a Java object of the CDK, or a wire reference. */
    private static JsiiObjectRef ref(Object target) {
        return target instanceof JsonNode wire ? JsiiObjectRef.parse(wire)
                : JsiiEngine.getInstance().nativeToObjRef(target);
    }

    /**
     * The Java class jsii maps a node object of jsii type {@code fqn} to (as {@code fqn} appears in a wire reference),
     * or null for a type outside {@link #MODULES}: found in the type list the module's jsii class reads for that
     * mapping, not initialised (a CfnResource's class fetches its CFN_RESOURCE_TYPE_NAME from node when it is), and
     * without jsii asking node the module's Java package names, which it does for every object it maps.
     */
    public static Class<?> javaClass(String fqn) {
        int dot = fqn.indexOf('.');
        Class<?> module = dot < 0 ? null : MODULES.get(fqn.substring(0, dot));
        if (module == null) {
            return null;
        }
        String name;
        synchronized (TYPES) {
            name = TYPES.computeIfAbsent(module.getName(), key -> types(module)).get(fqn);
        }
        if (name == null) {
            throw new IllegalStateException("jsii type " + fqn + " is not in " + module.getName());
        }
        try {
            return Class.forName(name, false, module.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("jsii type " + fqn + " has no Java class " + name, e);
        }
    }

    /** The module's {@code $Module.txt}: lines {@code fqn=class name}, as its jsii class reads them. */
    private static Map<String, String> types(Class<?> module) {
        Map<String, String> types = new HashMap<>();
        try (InputStream in = module.getResourceAsStream("$Module.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.trim().isEmpty()).forEach(line -> {
                String[] parts = line.split("=", 2);
                types.put(parts[0], parts[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    /** The wire form of a Java value of the CDK (an object, a struct, a string). */
    public static JsonNode of(Object value) {
        return JsiiObjectMapper.valueToTree(value);
    }

    /**
     * The wire form of struct {@code fqn}: {@code required} (in their order), then the fields of {@code base} (a built
     * struct of {@code fqn} or of a type it extends, without the fields given here) with {@code optional} merged in.
     * Node reads the fields by name; the order is still the one of jsii's own struct of {@code fqn}, which writes its
     * required fields first and the others alphabetically (a parent type's after its own), so each optional field
     * goes before the first of {@code base}'s that sorts after it.
     */
    public static ObjectNode struct(String fqn, Map<String, JsonNode> required, JsiiSerializable base,
                                    Map<String, JsonNode> optional) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        required.forEach(data::set);
        TreeMap<String, JsonNode> pending = new TreeMap<>(optional);
        ((ObjectNode) base.$jsii$toJson()).get(STRUCT).get("data").fields().forEachRemaining(field -> {
            while (!pending.isEmpty() && pending.firstKey().compareTo(field.getKey()) < 0) {
                Map.Entry<String, JsonNode> next = pending.pollFirstEntry();
                data.set(next.getKey(), next.getValue());
            }
            data.set(field.getKey(), field.getValue());
        });
        pending.forEach(data::set);
        ObjectNode struct = JsonNodeFactory.instance.objectNode();
        struct.put("fqn", fqn);
        struct.set("data", data);
        ObjectNode wire = JsonNodeFactory.instance.objectNode();
        wire.set(STRUCT, struct);
        return wire;
    }
}
