package io.clusterless.cli.command;

import io.clusterless.cli.config.ClsConfig;
import io.clusterless.cli.config.ConfigFiles;
import io.clusterless.cli.config.Setting;
import io.clusterless.cli.config.Settings;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.output.OutputFormat;
import io.clusterless.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cls config show|init}: the configuration in effect and where each value comes from (reference §2.6). */
@Command(name = "config",
        description = {"Show or create configuration files.",
                "Layers, highest first: -D key=value, CLS_ environment variables (aws.cdk.requireDeployApproval: "
                        + "CLS_AWS_CDK_REQUIRE_DEPLOY_APPROVAL), the nearest local file (.clsconfig, .clsconfig-aws, found "
                        + "from the working directory upwards), the global file (~/.cls/config, "
                        + "~/.cls/config-aws), the defaults. Layers merge key by key."},
        mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Init.class})
public final class ConfigCommand implements Runnable {
    private final CliContext context;

    ConfigCommand(CliContext context) {
        this.context = context;
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    ClsConfig load() {
        return context.config();
    }

    static List<String> namespaces(String config) {
        if (config == null || config.equals("all")) {
            return Settings.NAMESPACES;
        }
        if (!Settings.NAMESPACES.contains(config)) {
            throw new UserException("unknown configuration '" + config + "'; expected one of: common, aws, all");
        }
        return List.of(config);
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print the configuration in effect, as TOML with each value's origin as a comment "
                    + "(--output json|csv|tsv: one record per key with its origin).",
                    "Example: cls -D aws.cdk.requireDeployApproval=never config show --config aws"})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Option(names = "--config", paramLabel = "NAME", defaultValue = "all",
                description = "Which configuration: common, aws or all (default: all).")
        String config;

        @Override
        public Integer call() {
            ClsConfig loaded = parent.load();
            PrintWriter out = parent.context.out();
            List<String> namespaces = namespaces(config);
            if (parent.context.output() == OutputFormat.table) {
                for (String namespace : namespaces) {
                    out.print(toml(namespace, loaded.values(namespace), true));
                }
                out.flush();
                return 0;
            }
            List<Object> records = new ArrayList<>();
            for (String namespace : namespaces) {
                for (ClsConfig.Value value : loaded.values(namespace)) {
                    records.add(Printer.record().put("key", value.setting().key())
                            .put("value", value.value() == null ? null : String.valueOf(value.value())).put("origin", value.origin()));
                }
            }
            new Printer(out, parent.context.output()).print(records);
            return 0;
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write a configuration file with every key: the defaults, or with --merge the values "
                    + "in effect. Local files go to the working directory, --global ones to ~/.cls/.",
                    "Example: cls config init --config aws --global"})
    static final class Init implements Callable<Integer> {
        @ParentCommand
        ConfigCommand parent;

        @Option(names = "--config", paramLabel = "NAME", defaultValue = "common",
                description = "Which configuration file: common (.clsconfig) or aws (.clsconfig-aws); default common.")
        String config;

        @Option(names = "--global", description = "Write the global file in ~/.cls/ instead of a local one.")
        boolean global;

        @Option(names = "--merge", description = "Write the values in effect (files and -D) instead of defaults.")
        boolean merge;

        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (config.equals("all")) {
                throw new UserException("config init writes one file; choose --config common or --config aws");
            }
            String namespace = namespaces(config).get(0);
            ClsConfig loaded = merge ? parent.load() : null;
            ConfigFiles files = new ConfigFiles(parent.context.workingDirectory(),
                    parent.context.home());
            Path target = global ? files.global(namespace) : files.localTarget(namespace);
            if (Files.exists(target) && !force) {
                throw new UserException(target + " exists; use --force to overwrite it, or edit it");
            }
            List<ClsConfig.Value> values = new ArrayList<>();
            for (Setting setting : Settings.of(namespace)) {
                values.add(loaded != null ? loaded.value(setting)
                        : new ClsConfig.Value(setting, setting.defaultValue(), "default"));
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.writeString(target, toml(namespace, values, false));
            parent.context.out().println("wrote " + target);
            parent.context.out().flush();
            return 0;
        }
    }

    /** One namespace as TOML: a table per group, each key with its description, and its origin when asked. */
    static String toml(String namespace, List<ClsConfig.Value> values, boolean origins) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(namespace).append(" configuration").append('\n');
        String table = null;
        for (ClsConfig.Value value : values) {
            Setting setting = value.setting();
            if (!setting.table().equals(table)) {
                table = setting.table();
                text.append('\n').append('[').append(table).append(']').append('\n');
            }
            text.append("# ").append(setting.description());
            if (!setting.choices().isEmpty()) {
                text.append(" (").append(String.join(" | ", setting.choices())).append(')');
            }
            text.append('\n');
            Object v = value.value();
            if (v == null) {
                // unset: shown commented out, so the file stays valid and says what can be set
                text.append("# ");
            }
            text.append(setting.name()).append(" = ").append(v instanceof Boolean ? v.toString()
                    : "\"" + (v == null ? "" : v) + "\"");
            if (origins) {
                text.append("   # from ").append(value.origin());
            }
            text.append('\n');
        }
        text.append('\n');
        return text.toString();
    }
}
