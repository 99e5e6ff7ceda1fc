package io.clusterless.cli.command.ops;

import io.clusterless.cli.context.CliContext;
import io.clusterless.cli.context.UserException;
import io.clusterless.cli.options.SubstrateOptions;
import io.clusterless.engine.metadata.DeployedProject;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.ops.MetadataBuckets;
import io.clusterless.engine.ops.SubstrateOperations;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.SourceFormat;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.RecordURI;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deployed projects that {@code --deployed NAME[:VERSION]} names, looked for in every placement of the substrate
 * (the one the filters leave), and loaded from their {@code project.json} records as deployed.
 */
final class DeployedProjects {
    private DeployedProjects() {
    }

    static List<LoadedFile> load(CliContext context, OperatedProjectOptions options, SubstrateOptions substrate,
                                 ComponentRegistry registry) {
        SubstrateOperations operations = substrate.operations(context);
        MetadataBuckets buckets = operations.metadataBuckets();
        List<MetadataBuckets.Found> placements = buckets.placements().stream()
                .filter(found -> MetadataBuckets.matches(found.placement(), options.account(), options.stage(),
                        substrate.aws().region()))
                .toList();
        Map<String, PlacementNames> byBucket = new LinkedHashMap<>();
        placements.forEach(found -> byBucket.put(found.bucket(), found.placement()));
        // a deploy killed while cdk ran left its records unfinished: complete them first (ADR-0009)
        operations.reconcileDeploys(List.copyOf(byBucket.values()), buckets.store(), line -> {
            context.err().println("cls: " + line);
            context.err().flush();
        });
        DeployedProject deployed = new DeployedProject(buckets.store(),
                new ProjectLoader(registry, Map.of(), context.in()));

        Set<RecordURI> records = new LinkedHashSet<>();
        if (options.allDeployed()) {
            if (byBucket.isEmpty()) {
                throw new UserException("no placement" + filtered(options, substrate) + " " + buckets.where()
                        + "; give project files, or bootstrap and deploy first (cls placements lists them)");
            }
            records.addAll(deployed.findAll(byBucket.keySet()));
            if (records.isEmpty()) {
                throw new UserException("no project is deployed in any placement" + filtered(options, substrate)
                        + " " + buckets.where() + "; give project files, or deploy one first (cls projects lists "
                        + "what is deployed)");
            }
        }
        for (OperatedProjectOptions.Wanted wanted : options.wanted()) {
            List<RecordURI> found;
            try {
                found = deployed.find(byBucket.keySet(), wanted.name(), wanted.version());
            } catch (IllegalArgumentException e) {
                throw new UserException("--deployed " + wanted + " is not a project NAME[:VERSION]: names and "
                        + "versions are not blank and have no '/', '{' or '}'" + fileHint(wanted));
            }
            if (found.isEmpty()) {
                throw notDeployed(wanted, deployed, byBucket.keySet(), buckets.where(), filtered(options, substrate));
            }
            records.addAll(found);
        }
        Set<String> inBuckets = records.stream().map(RecordURI::bucket).collect(Collectors.toCollection(
                LinkedHashSet::new));
        if (inBuckets.size() > 1) {
            throw new UserException((options.allDeployed() ? "projects are deployed" : "--deployed "
                    + String.join(" --deployed ", options.wanted().stream().map(Object::toString).toList())
                    + " is deployed") + " in " + inBuckets.size() + " placements ("
                    + inBuckets.stream().map(b -> describe(byBucket.get(b))).collect(Collectors.joining("; "))
                    + "); operate one at a time: choose it with --stage, --account or --region");
        }
        List<LoadedFile> files = new ArrayList<>();
        for (RecordURI record : records) {
            files.add(deployed.load(record).orElseThrow(() -> new UserException(record.identifier()
                    + " was removed while it was read (destroyed meanwhile?); try again")));
        }
        return files;
    }

    private static UserException notDeployed(OperatedProjectOptions.Wanted wanted, DeployedProject deployed,
                                             Set<String> buckets, String where, String filtered) {
        if (wanted.version() != null) {
            List<String> versions = deployed.find(buckets, wanted.name(), null).stream()
                    .map(RecordURI::version).distinct().toList();
            if (!versions.isEmpty()) {
                return new UserException("project " + wanted.name() + " has no deployed version " + wanted.version()
                        + " (deployed: " + String.join(", ", versions) + "); give one of those, or only the name "
                        + "for every version");
            }
        }
        return new UserException("project " + wanted + " is not deployed in any placement" + filtered + " " + where
                + "; cls projects lists what is deployed" + fileHint(wanted));
    }

    private static String filtered(OperatedProjectOptions options, SubstrateOptions substrate) {
        List<String> filters = new ArrayList<>();
        if (options.stage() != null) {
            filters.add(options.stage().isEmpty() ? "without a stage" : "of stage " + options.stage());
        }
        if (options.account() != null) {
            filters.add("of account " + options.account());
        }
        if (substrate.aws().region() != null) {
            filters.add("in region " + substrate.aws().region());
        }
        return filters.isEmpty() ? "" : " " + String.join(", ", filters);
    }

    /** A file given where a deployed project name belongs (deploy takes files with --project): say how. */
    private static String fileHint(OperatedProjectOptions.Wanted wanted) {
        String text = wanted.toString();
        boolean file = text.equals("-") || text.contains("/") || text.contains("\\")
                || SourceFormat.ofFileName(text) != null;
        return file ? "; to read a project file, give it as an argument: " + text : "";
    }

    private static String describe(PlacementNames placement) {
        return (placement.stage() == null ? "no stage" : "stage " + placement.stage()) + ", account "
                + placement.account() + ", region " + placement.region();
    }
}
