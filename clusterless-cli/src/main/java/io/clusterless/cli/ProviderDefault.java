package io.clusterless.cli;

import io.clusterless.cli.options.SubstrateOptions;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import java.util.Set;

/**
 * Carries {@code cls -P PROVIDER COMMAND …} (the original's global option) to the command: where the command has its
 * own {@code -P} and it was not given, it takes the global value; a command that only works on AWS refuses
 * {@code local}, and one that only works locally refuses {@code aws}, instead of silently working elsewhere.
 */
final class ProviderDefault {
    /** Commands that place or synthesize on AWS only; the local substrate has {@code cls local run}. */
    private static final Set<String> AWS_ONLY = Set.of("bootstrap", "deploy", "destroy", "diff", "verify", "synth");

    /** Commands that work on the local substrate only: asking them for AWS must not quietly run locally. */
    private static final Set<String> LOCAL_ONLY = Set.of("local");

    private ProviderDefault() {
    }

    static void apply(ClsCommand root, ParseResult parsed) {
        SubstrateOptions.Substrate provider = root.provider();
        if (provider == null || !parsed.hasSubcommand()) {
            return;
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        OptionSpec own = leaf.commandSpec().findOption("-P");
        if (own != null) {
            if (!leaf.hasMatchedOption("-P")) {
                own.setValue(provider);
            }
            return;
        }
        String command = parsed.subcommand().commandSpec().name();
        if (provider == SubstrateOptions.Substrate.local && AWS_ONLY.contains(command)) {
            throw new CommandLine.ParameterException(leaf.commandSpec().commandLine(),
                    "cls " + command + " works on AWS only, not with --providers local; on the local substrate "
                            + "'cls local run' places projects (no bootstrap needed)");
        }
        if (provider == SubstrateOptions.Substrate.aws && LOCAL_ONLY.contains(command)) {
            throw new CommandLine.ParameterException(leaf.commandSpec().commandLine(),
                    "cls " + command + " works on the local substrate only, not with --providers aws");
        }
    }
}
