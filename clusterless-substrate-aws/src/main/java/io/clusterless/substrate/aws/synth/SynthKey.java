package io.clusterless.substrate.aws.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.json.Json;
import io.clusterless.model.Arc;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsArc;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import software.amazon.awscdk.App;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The content address of a synthesis: a SHA-256 over everything the cloud assembly depends on. Two syntheses with
 * the same key write the same assembly; any differing input gives another key.
 * <ul>
 *   <li>each project file's loaded model tree (after Jsonnet, merging and defaults), its component classes, the
 *   directory relative paths resolve against and the name messages use;</li>
 *   <li>every {@link SynthOptions} component, found by reflection so that a new option cannot be forgotten; the
 *   Lambda jar by its content digest ({@link FileDigests}: hashed once per build);</li>
 *   <li>the cls version, and the identity (path, size, time) of the jars or class folders the synthesis code, the
 *   model and aws-cdk-lib load from, so a rebuilt cls never reuses an assembly of the old code;</li>
 *   <li>the environment variables the CDK and jsii read ({@code CDK_*}, {@code JSII_*}).</li>
 * </ul>
 * Arcs whose workload is built from local files (function code, container images) have inputs outside the model:
 * projects with them have no key, so they are always synthesized afresh.
 */
public record SynthKey(String hex) {
    /** Arc types whose whole input is the model; any other arc type makes a project uncacheable. */
    private static final Set<Class<?>> SELF_CONTAINED_ARCS = Set.of(S3CopyArc.class, GlueAddPartitionsArc.class);
    private static final ObjectMapper CANONICAL = Json.records().copy()
            .configure(SerializationFeature.INDENT_OUTPUT, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public static Optional<SynthKey> of(List<ProjectInput> inputs, SynthOptions options, Map<String, String> environment,
                                        String clsVersion, FileDigests digests) {
        for (ProjectInput input : inputs) {
            for (Arc<?> arc : input.deployable().getArcs()) {
                if (!SELF_CONTAINED_ARCS.contains(arc.getClass())) {
                    return Optional.empty();
                }
            }
        }
        MessageDigest digest = FileDigests.sha256();
        Material material = new Material(digest);
        material.add("cls", clsVersion);
        material.add("java", System.getProperty("java.version"));
        for (Class<?> type : List.of(SynthKey.class, Deployable.class, PlacementPlan.class, App.class)) {
            material.add("code", codeIdentity(type));
        }
        for (ProjectInput input : inputs) {
            material.add("file", input.display());
            material.add("baseDir", input.baseDir().toString());
            material.add("classes", componentClasses(input.deployable()));
            material.add("model", canonical(CANONICAL.valueToTree(input.deployable())));
        }
        for (RecordComponent component : SynthOptions.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(options);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read option " + component.getName(), e);
            }
            material.add("option " + component.getName(), canonical(CANONICAL.valueToTree(sorted(value))));
        }
        try {
            material.add("lambdaJar", digests.sha256(options.lambdaJar()));
        } catch (IOException e) {
            return Optional.empty(); // synthesis itself reports the missing jar
        }
        new TreeMap<>(environment).forEach((name, value) -> {
            if (name.startsWith("CDK_") || name.startsWith("JSII_")) {
                material.add("env " + name, value);
            }
        });
        return Optional.of(new SynthKey(java.util.HexFormat.of().formatHex(digest.digest())));
    }

    /** Length-prefixed fields: no two different inputs concatenate to the same bytes. */
    private record Material(MessageDigest digest) {
        void add(String name, String value) {
            for (String part : new String[]{name, value == null ? "\u0000null" : value}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
        }
    }

    private static String componentClasses(Deployable deployable) {
        List<String> names = new ArrayList<>();
        Stream.of(deployable.getResources(), deployable.getActivities(), deployable.getBoundaries(),
                        deployable.getArcs())
                .flatMap(List::stream).map(Component.class::cast)
                .forEach(component -> names.add(component.getClass().getName()));
        return String.join(",", names);
    }

    /** Sets (whose order varies from run to run) become sorted lists; maps are sorted by the mapper. */
    private static Object sorted(Object value) {
        if (value instanceof Set<?> set) {
            TreeSet<String> texts = new TreeSet<>();
            for (Object item : set) {
                texts.add(canonical(CANONICAL.valueToTree(sorted(item))));
            }
            return texts;
        }
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
            return copy;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(SynthKey::sorted).toList();
        }
        if (value instanceof Path path) {
            return path.toAbsolutePath().normalize().toString();
        }
        return value;
    }

    /** JSON with object fields in name order, whatever order the model's maps kept. */
    static String canonical(JsonNode node) {
        StringBuilder text = new StringBuilder();
        write(node, text);
        return text.toString();
    }

    private static void write(JsonNode node, StringBuilder text) {
        if (node instanceof ObjectNode object) {
            text.append('{');
            TreeSet<String> names = new TreeSet<>();
            object.fieldNames().forEachRemaining(names::add);
            boolean first = true;
            for (String name : names) {
                text.append(first ? "" : ",").append(com.fasterxml.jackson.databind.node.TextNode.valueOf(name))
                        .append(':');
                write(object.get(name), text);
                first = false;
            }
            text.append('}');
        } else if (node instanceof ArrayNode array) {
            text.append('[');
            for (int i = 0; i < array.size(); i++) {
                text.append(i == 0 ? "" : ",");
                write(array.get(i), text);
            }
            text.append(']');
        } else {
            text.append(node);
        }
    }

    /** Where a class loads from, with its size and modification time (a folder: its newest file). */
    static String codeIdentity(Class<?> type) {
        Path location;
        try {
            location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException | SecurityException e) {
            return type.getName() + " from an unknown place";
        }
        try {
            if (Files.isDirectory(location)) {
                long newest = 0;
                long count = 0;
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                        count++;
                    }
                }
                return location + " " + count + " " + newest;
            }
            BasicFileAttributes attributes = Files.readAttributes(location, BasicFileAttributes.class);
            return location + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
