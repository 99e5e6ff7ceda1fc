package io.clusterless.cli.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One configuration key: {@code namespace.table.name} (e.g. {@code aws.cdk.requireDeployApproval}), its default,
 * and the values it accepts. Booleans accept {@code true}/{@code false}; choices are case-insensitive and {@code -}
 * and {@code _} are the same (the original wrote {@code any_change}, the CDK CLI {@code any-change}).
 */
public record Setting(String key, Object defaultValue, List<String> choices, String description) {
    public Setting {
        choices = List.copyOf(choices);
        if (key.split("\\.").length != 3) {
            throw new IllegalArgumentException("a setting key is namespace.table.name, got: " + key);
        }
    }

    static Setting bool(String key, boolean defaultValue, String description) {
        return new Setting(key, defaultValue, List.of(), description);
    }

    static Setting choice(String key, String defaultValue, List<String> choices, String description) {
        return new Setting(key, defaultValue, choices, description);
    }

    /** A free text, unset (null) by default. */
    static Setting text(String key, String description) {
        return new Setting(key, null, List.of(), description);
    }

    /** The environment variable of the {@code CLS_} layer: {@code CLS_AWS_CDK_REQUIRE_DEPLOY_APPROVAL}. */
    public String environmentVariable() {
        return "CLS_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String namespace() {
        return key.substring(0, key.indexOf('.'));
    }

    /** The key within its namespace's file: {@code cdk.requireDeployApproval}. */
    public String fileKey() {
        return key.substring(key.indexOf('.') + 1);
    }

    public String table() {
        return fileKey().substring(0, fileKey().indexOf('.'));
    }

    public String name() {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    /** The value in canonical form, or empty with the reason in {@code problem} when {@code raw} is not accepted. */
    Optional<Object> parse(Object raw, StringBuilder problem) {
        if (defaultValue instanceof Boolean) {
            if (raw instanceof Boolean) {
                return Optional.of(raw);
            }
            String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(Boolean.parseBoolean(text));
            }
            problem.append("expected true or false, found: ").append(raw);
            return Optional.empty();
        }
        String text = String.valueOf(raw).trim();
        if (choices.isEmpty()) {
            if (text.isEmpty()) {
                problem.append("expected a value, found nothing");
                return Optional.empty();
            }
            return Optional.of(text);
        }
        for (String choice : choices) {
            if (normalise(choice).equals(normalise(text))) {
                return Optional.of(choice);
            }
        }
        problem.append("expected one of ").append(String.join(", ", choices)).append(", found: ").append(raw);
        return Optional.empty();
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
