package io.clusterless.cli.options;

import picocli.CommandLine.Option;

/** {@code --wide}: a report's table with every column, instead of those that fit the terminal. */
public final class WideOption {
    @Option(names = "--wide", description = "Every column of the table, however wide; without it a table on a "
            + "terminal leaves out columns until it fits the width (COLUMNS, else the terminal's), first those with "
            + "one value in every row, and says which.")
    public boolean wide;
}
