package io.clusterless.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.clusterless.model.load.Position;
import io.clusterless.model.load.Problem;
import io.clusterless.model.load.ProblemException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration in effect: for every {@link Setting}, the value of the highest layer that sets it, where
 * {@code -D key=value} beats the {@code CLS_} environment variable, which beats the local file, which beats the
 * global file, which beats the default. Layers merge key
 * by key (the original replaced whole tables, so a local file that set one key of {@code [cdk]} silently reset the
 * others to their defaults).
 */
public final class ClsConfig {
    /** A setting's value and the layer it came from: {@code default}, a file path, or {@code -D}. */
    public record Value(Setting setting, Object value, String origin) {
    }

    static final String DEFAULT_ORIGIN = "default";
    static final String PROPERTY_ORIGIN = "-D";

    private final Map<String, Value> values;
    private final ConfigFiles files;

    private ClsConfig(Map<String, Value> values, ConfigFiles files) {
        this.values = values;
        this.files = files;
    }

    /** {@link #load(ConfigFiles, Map, Map)} without an environment layer. */
    public static ClsConfig load(ConfigFiles files, Map<String, String> properties) {
        return load(files, Map.of(), properties);
    }

    /** Reads every layer; all problems of all files, variables and properties are reported together. */
    public static ClsConfig load(ConfigFiles files, Map<String, String> environment, Map<String, String> properties) {
        Map<String, Value> values = new LinkedHashMap<>();
        Settings.ALL.forEach(s -> values.put(s.key(), new Value(s, s.defaultValue(), DEFAULT_ORIGIN)));
        List<Problem> problems = new ArrayList<>();
        for (String namespace : Settings.NAMESPACES) {
            readFile(namespace, files.global(namespace), values, problems);
            files.local(namespace).ifPresent(local -> readFile(namespace, local, values, problems));
        }
        for (Setting setting : Settings.ALL) {
            String raw = environment.get(setting.environmentVariable());
            if (raw != null) {
                StringBuilder why = new StringBuilder();
                setting.parse(raw, why).ifPresentOrElse(
                        v -> values.put(setting.key(), new Value(setting, v, "$" + setting.environmentVariable())),
                        () -> problems.add(Problem.of("$" + setting.environmentVariable(), why.toString())));
            }
        }
        properties.forEach((key, raw) -> {
            Optional<Setting> setting = Settings.find(key);
            if (setting.isEmpty()) {
                problems.add(Problem.of("-D " + key, "unknown configuration key; known keys: " + knownKeys()));
                return;
            }
            StringBuilder why = new StringBuilder();
            setting.get().parse(raw, why).ifPresentOrElse(
                    v -> values.put(key, new Value(setting.get(), v, PROPERTY_ORIGIN)),
                    () -> problems.add(Problem.of("-D " + key, why.toString())));
        });
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        return new ClsConfig(values, files);
    }

    public Value value(Setting setting) {
        return values.get(setting.key());
    }

    public boolean bool(Setting setting) {
        return (Boolean) values.get(setting.key()).value();
    }

    public String string(Setting setting) {
        return String.valueOf(values.get(setting.key()).value());
    }

    /** Whether a layer above the defaults sets this setting. */
    public boolean isSet(Setting setting) {
        return !DEFAULT_ORIGIN.equals(values.get(setting.key()).origin());
    }

    public List<Value> values(String namespace) {
        return values.values().stream().filter(v -> v.setting().namespace().equals(namespace)).toList();
    }

    public ConfigFiles files() {
        return files;
    }

    private static void readFile(String namespace, Path file, Map<String, Value> values, List<Problem> problems) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String text;
        JsonNode tree;
        try {
            text = Files.readString(file);
            tree = new TomlMapper().readTree(text);
        } catch (IOException e) {
            problems.add(Problem.of(file.toString(), "not readable as TOML: " + firstLine(e.getMessage())));
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> tables = tree.fields();
        while (tables.hasNext()) {
            Map.Entry<String, JsonNode> table = tables.next();
            if (!table.getValue().isObject()) {
                problems.add(problem(file, text, null, table.getKey(), "expected a table [" + table.getKey()
                        + "]; known keys: " + knownKeys(namespace)));
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> entries = table.getValue().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String key = namespace + "." + table.getKey() + "." + entry.getKey();
                Optional<Setting> setting = Settings.find(key);
                if (setting.isEmpty()) {
                    problems.add(problem(file, text, table.getKey(), entry.getKey(), "unknown key "
                            + table.getKey() + "." + entry.getKey() + " in a " + namespace
                            + " configuration file; known keys: " + knownKeys(namespace)));
                    continue;
                }
                JsonNode node = entry.getValue();
                Object raw = node.isBoolean() ? (Object) node.booleanValue() : node.asText();
                StringBuilder why = new StringBuilder();
                setting.get().parse(raw, why).ifPresentOrElse(
                        v -> values.put(key, new Value(setting.get(), v, file.toString())),
                        () -> problems.add(problem(file, text, table.getKey(), entry.getKey(),
                                table.getKey() + "." + entry.getKey() + ": " + why)));
            }
        }
    }

    /** A problem at the line that sets {@code table.key} (TOML trees keep no positions, the text does). */
    private static Problem problem(Path file, String text, String table, String key, String message) {
        String[] lines = text.split("\n", -1);
        String current = null;
        Pattern header = Pattern.compile("^\\s*\\[\\s*([^\\]]+?)\\s*]");
        Pattern assignment = Pattern.compile("^\\s*\"?" + Pattern.quote(key) + "\"?\\s*=");
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = header.matcher(lines[i]);
            if (matcher.find()) {
                current = matcher.group(1);
                if (table == null && current.equals(key)) {
                    return Problem.at(file.toString(), new Position(i + 1, 1), message);
                }
            } else if (table != null && table.equals(current) && assignment.matcher(lines[i]).find()) {
                return Problem.at(file.toString(), new Position(i + 1, lines[i].indexOf(key) + 1), message);
            }
        }
        return Problem.of(file.toString(), message);
    }

    private static String knownKeys() {
        return String.join(", ", Settings.ALL.stream().map(Setting::key).toList());
    }

    private static String knownKeys(String namespace) {
        return String.join(", ", Settings.of(namespace).stream().map(Setting::fileKey).toList());
    }

    private static String firstLine(String message) {
        return message == null ? "syntax error" : message.lines().findFirst().orElse(message);
    }
}
