package io.clusterless.cli.command.local;

import io.clusterless.cli.context.UserException;
import io.clusterless.local.run.LocalPut;
import io.clusterless.local.store.FileObjectStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** One {@code --put DIR=s3://bucket/prefix/}: files to place before the run. */
record PutOption(Path source, String target) {
    /** Placed files are dated this far back, so the lots they fall in have ended. */
    static final Duration BACKDATE = Duration.ofHours(1);

    static PutOption parse(String option, CommandSpec spec) {
        int equals = option.indexOf("=s3://");
        if (equals <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--put expects DIR=s3://BUCKET/PREFIX/, found: " + option);
        }
        Path source = Path.of(option.substring(0, equals));
        if (!Files.isDirectory(source)) {
            throw new UserException("--put: " + source + " is not a folder");
        }
        return new PutOption(source, option.substring(equals + 1));
    }

    int copyInto(FileObjectStore store, Clock clock) {
        try {
            return LocalPut.copy(source, target, store, clock.instant().minus(BACKDATE));
        } catch (IllegalArgumentException e) {
            throw new UserException("--put " + source + "=" + target + ": " + e.getMessage());
        }
    }
}
