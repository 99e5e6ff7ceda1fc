package io.clusterless.engine.cache;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where cls keeps its per-user cache (the pinned CDK CLI, synthesized assemblies, their hints and repeat records).
 * java.base only: the CLI's repeat path reads it before anything else is loaded.
 */
public final class UserCache {
    private UserCache() {
    }

    /** {@code $CLS_CACHE_DIR}, else {@code $XDG_CACHE_HOME/clusterless}, else {@code ~/.cache/clusterless}. */
    public static Path root(Map<String, String> environment, Path home) {
        String explicit = environment.get("CLS_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "clusterless");
        }
        return home.resolve(".cache").resolve("clusterless");
    }
}
