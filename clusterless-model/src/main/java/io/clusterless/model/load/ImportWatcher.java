package io.clusterless.model.load;

import java.nio.file.Path;

/**
 * Told of every file a Jsonnet import looked for, so a caller can tell later whether the same load would read the
 * same files (cls's repeat record): each candidate in the order tried, and whether it was a regular file then.
 */
@FunctionalInterface
public interface ImportWatcher {
    ImportWatcher NONE = (candidate, regularFile) -> {
    };

    void looked(Path candidate, boolean regularFile);
}
