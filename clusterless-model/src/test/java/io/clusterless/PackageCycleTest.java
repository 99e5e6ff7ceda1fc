package io.clusterless;

import io.clusterless.model.Deployable;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The model's main packages depend on each other in one direction only: jdeps reads the compiled classes, so an import
 * that closes a loop fails here before it reaches a reader.
 */
class PackageCycleTest {
    private static final Pattern EDGE = Pattern.compile("^\\s*(io\\.clusterless\\S*)\\s+->\\s+(io\\.clusterless\\S*)\\s");

    @Test
    void mainPackagesOfTheModelFormNoCycle() throws URISyntaxException {
        Path classes = Path.of(Deployable.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> graph = packageGraph(classes);

        assertThat(graph).as("jdeps found the model's packages").containsKey("io.clusterless.model.load");
        assertThat(cycles(graph)).as("package cycles in " + classes).isEmpty();
    }

    @Test
    void aLoopOfThreePackagesIsOneCycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of());

        assertThat(cycles(graph)).containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
    }

    /** Package → packages it uses, from {@code jdeps -verbose:package}, limited to this project's packages. */
    static Map<String, Set<String>> packageGraph(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
                "jdeps is missing: run the tests on a JDK, not a JRE"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-e", "io\\.clusterless\\..*",
                classes.toString());
        assertThat(exit).as("jdeps failed: " + err).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>()).add(edge.group(2));
                graph.computeIfAbsent(edge.group(2), p -> new TreeSet<>());
            }
        }
        return graph;
    }

    /** The strongly connected groups of more than one package (Tarjan), each sorted, for the failure message. */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).run();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final List<Set<String>> cycles = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> run() {
            new TreeSet<>(graph.keySet()).forEach(node -> {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            });
            return cycles;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (stack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> group = new TreeSet<>();
                String member;
                do {
                    member = stack.remove(stack.size() - 1);
                    group.add(member);
                } while (!member.equals(node));
                if (group.size() > 1) {
                    cycles.add(group);
                }
            }
        }
    }
}
