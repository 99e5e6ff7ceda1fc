package io.clusterless.substrate.aws.construct;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps whose entries keep the order they are written in. A map handed to a construct becomes a JSON object in the
 * template, in the map's iteration order; {@code Map.of}'s order changes from one JVM to the next, so identical
 * synths would give different templates (and asset hashes).
 */
public final class OrderedMaps {
    private OrderedMaps() {
    }

    public static <V> Map<String, V> of(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return Collections.unmodifiableMap(map);
    }

    public static <V> Map<String, V> of(String k1, V v1, String k2, V v2, String k3, V v3) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return Collections.unmodifiableMap(map);
    }
}
