package io.clusterless.cli.config;

import io.clusterless.model.load.ProblemException;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Defaults of the connection options from the configuration: {@code --profile}, {@code --region} and
 * {@code --endpoint-url} fall back to {@code aws.connection.*} in the files or a {@code CLS_} variable, so a
 * developer who always works against one emulator or profile says so once. The option, when given, wins.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    private static final Map<String, Setting> OPTIONS = Map.of(
            "--profile", Settings.PROFILE,
            "--region", Settings.REGION,
            "--endpoint-url", Settings.ENDPOINT_URL);

    private final Supplier<ClsConfig> config;
    private ClsConfig loaded;

    public ConfigDefaults(Supplier<ClsConfig> config) {
        this.config = config;
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        Setting setting = OPTIONS.get(option.longestName());
        if (setting == null) {
            return null;
        }
        if (loaded == null) {
            try {
                loaded = config.get();
            } catch (ProblemException e) {
                // a broken file is reported, located, by the commands that read the configuration (config show)
                return null;
            }
        }
        return loaded.isSet(setting) ? loaded.string(setting) : null;
    }
}
