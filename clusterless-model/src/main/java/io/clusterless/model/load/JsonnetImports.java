package io.clusterless.model.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Jsonnet {@code import}/{@code importstr} may read from: the project file's folder and the {@code --jpath}
 * folders, compared by real path so a symlink that leads out counts as outside. A project file is code from
 * someone else as often as not; without this, {@code importstr "/proc/self/environ"} reads the environment into a
 * value that messages then echo. A refused file is never opened, so its content cannot reach any message.
 */
final class JsonnetImports implements scala.Function2<sjsonnet.Path, String, scala.Option<os.Path>> {
    private final List<Path> roots;
    private final List<Path> searchPaths;
    private final String shownFolder;
    private final ImportWatcher watcher;
    /** The last import refused; sjsonnet stops at the first failing import, so this is the one it reports. */
    private volatile String refused;

    /**
     * @param projectFolder the folder of the project file (the working directory for stdin)
     * @param shownFolder   how that folder is named in messages
     * @param jpaths        the {@code --jpath} folders, searched after the importing file's folder, in order
     */
    JsonnetImports(Path projectFolder, String shownFolder, List<Path> jpaths) {
        this(projectFolder, shownFolder, jpaths, ImportWatcher.NONE);
    }

    /** @param watcher told of every file an import looked for, in order, until the one it reads */
    JsonnetImports(Path projectFolder, String shownFolder, List<Path> jpaths, ImportWatcher watcher) {
        this.shownFolder = shownFolder;
        this.watcher = watcher;
        this.searchPaths = jpaths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Path> real = new ArrayList<>();
        real.add(realFolder(projectFolder, shownFolder));
        for (int i = 0; i < jpaths.size(); i++) {
            real.add(realFolder(searchPaths.get(i), jpaths.get(i).toString()));
        }
        this.roots = List.copyOf(real);
    }

    private static Path realFolder(Path folder, String shown) {
        try {
            if (!Files.isDirectory(folder)) {
                throw new ProblemException(Problem.of("--jpath " + shown, "is not a folder; give an existing "
                        + "folder whose files Jsonnet imports may read"));
            }
            return folder.toRealPath();
        } catch (IOException e) {
            throw new ProblemException(Problem.of("--jpath " + shown, "cannot be read (" + e.getClass()
                    .getSimpleName() + "); give an existing folder whose files Jsonnet imports may read"));
        }
    }

    @Override
    public scala.Option<os.Path> apply(sjsonnet.Path docBase, String importName) {
        Path name;
        try {
            name = Path.of(importName);
        } catch (RuntimeException e) { // NUL and the like: no file has that name
            return scala.Option.empty();
        }
        List<Path> candidates = new ArrayList<>();
        if (name.isAbsolute()) {
            candidates.add(name.normalize());
        } else {
            candidates.add(((sjsonnet.OsPath) docBase).p().toNIO().resolve(name).normalize());
            searchPaths.forEach(root -> candidates.add(root.resolve(name).normalize()));
        }
        boolean outside = false;
        for (Path candidate : candidates) {
            if (!inside(candidate)) {
                outside = true;
                watcher.looked(candidate, Files.isRegularFile(candidate));
            } else if (Files.isRegularFile(candidate)) {
                watcher.looked(candidate, true);
                return scala.Option.apply(os.Path.apply(candidate, os.PathConvertible.NioPathConvertible$.MODULE$));
            } else {
                watcher.looked(candidate, false);
            }
        }
        refused = outside ? importName : null;
        return scala.Option.empty();
    }

    /**
     * Whether the file lies under one of the roots once every symlink is followed; a path that does not exist is
     * judged by the real path of its nearest existing ancestor, so a refusal does not depend on whether an outside
     * file exists.
     */
    private boolean inside(Path candidate) {
        Path existing = candidate;
        Path rest = existing.getFileSystem().getPath("");
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return false;
        }
        Path real;
        try {
            real = existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) { // a dangling or looping symlink: nothing readable, and nothing to allow
            return false;
        }
        return roots.stream().anyMatch(real::startsWith);
    }

    /** The message for an import refused during evaluation, or null if none was refused. */
    String refusal() {
        String name = refused;
        return name == null ? null : "import \"" + printable(name) + "\" is outside the project folder ("
                + shownFolder + ") and every --jpath folder; add --jpath DIR to allow it";
    }

    /** One line whatever the name holds. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(Character.toChars(c));
            }
        });
        return out.toString();
    }
}
