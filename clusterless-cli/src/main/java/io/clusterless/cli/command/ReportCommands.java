package io.clusterless.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.cli.options.WideOption;
import io.clusterless.cli.command.ops.ArcsStatusCommand;
import io.clusterless.cli.command.ops.DatasetsStatusCommand;
import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.ExitCodes;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.cli.output.Printer;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.ops.MetadataBuckets;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.ArcURI;
import io.clusterless.uri.RecordURI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cls placements|projects|arcs|datasets}: what is deployed, read from the placements' metadata buckets
 * (reference §2.7, §4.2) on AWS or in a local placement, by listing keys.
 */
public final class ReportCommands {
    private ReportCommands() {
    }

    /** Filters shared by the reports (reference §2.3). */
    static final class Filters {
        @Option(names = "--account", paramLabel = "ACCOUNT", description = "Only this account.")
        String account;

        @Option(names = "--stage", paramLabel = "STAGE", arity = "0..1", fallbackValue = "",
                description = "Only this stage; --stage without a value: only placements without a stage.")
        String stage;

        @Mixin
        SubstrateOptions substrate = new SubstrateOptions();

        boolean matches(PlacementNames placement) {
            return MetadataBuckets.matches(placement, account, stage, substrate.aws().region());
        }
    }

    /** One placement's metadata bucket, the store it is read through and its substrate's name in reports. */
    record Found(PlacementNames placement, String bucket, PlacementReader reader, String provider) {
    }

    static List<Found> placements(CliContext context, Filters filters) {
        SubstrateOperations operations = filters.substrate.operations(context);
        return placements(context, filters, operations, operations.metadataBuckets());
    }

    /** The placements among {@code buckets} (those {@code operations} found) that pass the filters. */
    static List<Found> placements(CliContext context, Filters filters, SubstrateOperations operations,
                                  MetadataBuckets buckets) {
        PlacementReader reader = new PlacementReader(buckets.store());
        List<Found> found = new ArrayList<>();
        for (MetadataBuckets.Found placement : buckets.placements()) {
            if (filters.matches(placement.placement())) {
                found.add(new Found(placement.placement(), placement.bucket(), reader, operations.provider()));
            }
        }
        // a deploy killed while cdk ran left its records unfinished: complete them first (ADR-0009)
        operations.reconcileDeploys(found.stream().map(Found::placement).toList(), buckets.store(),
                note -> note(context, note));
        return found;
    }

    static void note(CliContext context, String line) {
        context.err().println("cls: " + line);
        context.err().flush();
    }

    static ObjectNode placement(ObjectNode row, Found found) {
        PlacementNames placement = found.placement();
        ObjectNode node = row.putObject("placement");
        node.put("provider", found.provider());
        node.put("stage", placement.stage() == null ? null : placement.stage().toLowerCase(Locale.ROOT));
        node.put("account", placement.account());
        node.put("region", placement.region());
        return row;
    }

    static boolean projectMatches(List<String> projects, String name, String version) {
        if (projects.isEmpty()) {
            return true;
        }
        for (String project : projects) {
            int colon = project.indexOf(':');
            if (colon < 0 ? project.equals(name)
                    : project.substring(0, colon).equals(name) && project.substring(colon + 1).equals(version)) {
                return true;
            }
        }
        return false;
    }

    static int print(CliContext context, List<ObjectNode> rows, WideOption wide) {
        new Printer(context.out(), context.output()).fitting(context.tableWidth(wide.wide))
                .print(rows);
        return ExitCodes.OK;
    }

    @Command(name = "placements", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List bootstrapped placements: buckets whose names contain clusterless-metadata.", ""})
    public static final class Placements implements Callable<Integer> {
        private final CliContext context;

        Placements(CliContext context) {
            this.context = context;
        }

        @Mixin
        private Filters filters;
        @Mixin
        private WideOption wide;

        @Override
        public Integer call() {
            List<ObjectNode> rows = new ArrayList<>();
            for (Found found : placements(context, filters)) {
                ObjectNode row = Printer.record();
                row.put("provider", found.provider());
                row.put("stage", found.placement().stage());
                row.put("account", found.placement().account());
                row.put("region", found.placement().region());
                rows.add(row);
            }
            return print(context, rows, wide);
        }
    }

    @Command(name = "projects", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List deployed projects of every matching placement.", ""})
    public static final class Projects implements Callable<Integer> {
        private final CliContext context;

        Projects(CliContext context) {
            this.context = context;
        }

        @Mixin
        private Filters filters;
        @Mixin
        private WideOption wide;
        @Mixin
        private DeployedFilter deployed;

        @Override
        public Integer call() {
            List<ObjectNode> rows = new ArrayList<>();
            for (Found found : placements(context, filters)) {
                for (RecordURI uri : found.reader().projects(found.bucket())) {
                    if (deployed.matches(uri.name(), uri.version())) {
                        ObjectNode row = placement(Printer.record(), found);
                        row.putObject("project").put("name", uri.name()).put("version", uri.version());
                        rows.add(row);
                    }
                }
            }
            return print(context, rows, wide);
        }
    }

    @Command(name = "arcs", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List deployed arcs of every matching placement; 'cls arcs status' reports their lots.", ""},
            subcommands = ArcsStatusCommand.class)
    public static final class Arcs implements Callable<Integer> {
        private final CliContext context;

        Arcs(CliContext context) {
            this.context = context;
        }

        @Mixin
        private Filters filters;
        @Mixin
        private WideOption wide;
        @Mixin
        private DeployedFilter deployed;

        @Override
        public Integer call() {
            List<ObjectNode> rows = new ArrayList<>();
            for (Found found : placements(context, filters)) {
                for (ArcURI uri : found.reader().arcs(found.bucket())) {
                    if (deployed.matches(uri.projectName(), uri.projectVersion())) {
                        ObjectNode row = placement(Printer.record(), found);
                        row.putObject("project").put("name", uri.projectName()).put("version", uri.projectVersion());
                        row.put("name", uri.arcName());
                        rows.add(row);
                    }
                }
            }
            return print(context, rows, wide);
        }
    }

    @Command(name = "datasets", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"List deployed datasets (boundary and arc sinks) of every matching placement; "
                    + "'cls datasets status' reports their lots.", ""},
            subcommands = DatasetsStatusCommand.class)
    public static final class Datasets implements Callable<Integer> {
        private final CliContext context;

        Datasets(CliContext context) {
            this.context = context;
        }

        @Mixin
        private Filters filters;
        @Mixin
        private WideOption wide;

        @Override
        public Integer call() {
            List<ObjectNode> rows = new ArrayList<>();
            for (Found found : placements(context, filters)) {
                for (RecordURI uri : found.reader().datasets(found.bucket())) {
                    ObjectNode row = placement(Printer.record(), found);
                    row.putObject("dataset").put("name", uri.name()).put("version", uri.version());
                    rows.add(row);
                }
            }
            return print(context, rows, wide);
        }
    }
}
