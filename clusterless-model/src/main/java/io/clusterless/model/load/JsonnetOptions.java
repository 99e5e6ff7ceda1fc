package io.clusterless.model.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the command line gives Jsonnet project files: external variables ({@code --ext-str}) and the folders besides
 * the project file's own that imports may read ({@code --jpath}).
 */
public record JsonnetOptions(Map<String, String> extStrs, List<Path> jpaths) {
    public static final JsonnetOptions NONE = new JsonnetOptions(Map.of(), List.of());

    public JsonnetOptions {
        extStrs = Map.copyOf(extStrs);
        jpaths = List.copyOf(jpaths);
    }
}
