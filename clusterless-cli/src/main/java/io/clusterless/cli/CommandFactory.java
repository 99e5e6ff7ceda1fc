package io.clusterless.cli;

import io.clusterless.cli.context.CliContext;
import picocli.CommandLine;

import java.lang.reflect.Constructor;

/**
 * Creates commands and their mixins with the invocation's {@link CliContext} when their constructor takes one, so
 * no command reaches for the root command (and no command package depends on the package of {@code cls} itself).
 */
final class CommandFactory implements CommandLine.IFactory {
    private final CliContext context;

    CommandFactory(CliContext context) {
        this.context = context;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withContext;
        try {
            withContext = type.getDeclaredConstructor(CliContext.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        withContext.setAccessible(true);
        return withContext.newInstance(context);
    }
}
