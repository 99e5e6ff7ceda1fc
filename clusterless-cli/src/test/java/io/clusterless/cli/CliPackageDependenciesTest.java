package io.clusterless.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI's main packages, as jdeps sees them (package level, over the compiled classes): no cycle (commands get their
 * context from the command factory, never from the root command, so {@code cls} can depend on its commands and no
 * command on {@code cls}), and the operations commands are a front end over the engine's substrate operations.
 */
class CliPackageDependenciesTest {
    private static final String PREFIX = "io.clusterless.cli";
    /** {@code   io.clusterless.cli.command -> io.clusterless.cli.context   classes} */
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s");

    @Test
    void mainPackages_formNoCycle() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isDirectory(classes)).as("compiled main classes in %s", classes).isTrue();
        Map<String, Set<String>> edges = packageEdges(classes);
        assertThat(edges).as("jdeps found the CLI's packages").containsKey(PREFIX + ".command");

        assertThat(cycles(edges)).as("package cycles among the CLI's main packages (dependencies: %s)", edges)
                .isEmpty();
    }

    /**
     * The reports and operations are one piece of code over either substrate: they reach AWS and the local root only
     * through the engine's SubstrateOperations, never the substrates' classes or an AWS SDK.
     */
    @Test
    void operationsCommands_reachSubstratesOnlyThroughTheEngine() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> reached = jdepsEdges(classes).getOrDefault(PREFIX + ".command.ops", Set.of());
        assertThat(reached).as("packages the operations commands use").contains("io.clusterless.engine.ops");

        assertThat(reached).as("substrate packages the operations commands use directly")
                .filteredOn(p -> p.startsWith("io.clusterless.runtime") || p.startsWith("io.clusterless.local")
                        || p.startsWith("io.clusterless.substrate") || p.startsWith("software.amazon"))
                .isEmpty();
    }

    /**
     * The commands are a front end: they parse options, call one substrate operation and print. Of the AWS
     * substrate they use only its front doors (deploys and bootstrap, synthesis, the CDK CLI's location, the
     * connection's options, the scenario runner's stores), never its constructs, its operations' adapters, the runtime's AWS adapters or an AWS
     * SDK (client or CDK), so every AWS call is the substrate's.
     */
    @Test
    void commands_reachAwsOnlyThroughTheSubstratesFrontDoors() throws Exception {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> reached = new TreeMap<>();
        jdepsEdges(classes).forEach((from, to) -> {
            if (from.equals(PREFIX + ".command") || from.startsWith(PREFIX + ".command.")) {
                to.stream().filter(CliPackageDependenciesTest::isAwsBehindTheSubstrate)
                        .forEach(p -> reached.computeIfAbsent(from, f -> new TreeSet<>()).add(p));
            }
        });
        assertThat(reached).as("AWS packages the commands use directly, by command package").isEmpty();
    }

    /** The AWS substrate's packages the commands may use: what a command hands its options to. */
    private static final Set<String> AWS_FRONT_DOORS = Set.of("io.clusterless.substrate.aws.deploys",
            "io.clusterless.substrate.aws.synth", "io.clusterless.substrate.aws.cdk",
            "io.clusterless.substrate.aws.connection", "io.clusterless.substrate.aws.scenario");

    static boolean isAwsBehindTheSubstrate(String packageName) {
        return packageName.startsWith("software.amazon.") || packageName.startsWith("io.clusterless.runtime.")
                || packageName.startsWith("io.clusterless.substrate.aws.") && !AWS_FRONT_DOORS.contains(packageName);
    }

    @Test
    void awsBehindTheSubstrate_isTheSdkTheRuntimesAdaptersAndTheSubstratesInnerPackages() {
        assertThat(isAwsBehindTheSubstrate("software.amazon.awssdk.services.s3")).isTrue();
        assertThat(isAwsBehindTheSubstrate("software.amazon.awscdk")).isTrue();
        assertThat(isAwsBehindTheSubstrate("io.clusterless.runtime.aws")).isTrue();
        assertThat(isAwsBehindTheSubstrate("io.clusterless.substrate.aws.construct")).isTrue();
        assertThat(isAwsBehindTheSubstrate("io.clusterless.substrate.aws.ops")).isTrue();
        assertThat(isAwsBehindTheSubstrate("io.clusterless.substrate.aws.deploys")).isFalse();
        assertThat(isAwsBehindTheSubstrate("io.clusterless.engine.ops")).isFalse();
    }

    private static Map<String, Set<String>> packageEdges(Path classes) {
        Map<String, Set<String>> edges = new TreeMap<>();
        jdepsEdges(classes).forEach((from, to) -> {
            if (from.startsWith(PREFIX)) {
                to.stream().filter(p -> p.startsWith(PREFIX) && !p.equals(from))
                        .forEach(p -> edges.computeIfAbsent(from, f -> new TreeSet<>()).add(p));
            }
        });
        return edges;
    }

    /** Every package each package of {@code classes} uses. */
    private static Map<String, Set<String>> jdepsEdges(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none",
                classes.toString());
        assertThat(exit).as("jdeps: %s", out).isZero();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                edges.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
            }
        }
        return edges;
    }

    /** Strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : edges.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, edges, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String at, Map<String, Set<String>> edges, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> cycles) {
        index.put(at, index.size());
        low.put(at, index.get(at));
        stack.push(at);
        onStack.add(at);
        for (String next : edges.getOrDefault(at, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, cycles);
                low.put(at, Math.min(low.get(at), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(at, Math.min(low.get(at), index.get(next)));
            }
        }
        if (low.get(at).equals(index.get(at))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(at));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }

    @Test
    void cycles_findsPackagesThatDependOnEachOther() {
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c")))).isEmpty();
    }
}
