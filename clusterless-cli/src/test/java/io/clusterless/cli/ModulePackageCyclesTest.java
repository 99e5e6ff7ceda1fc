package io.clusterless.cli;

import io.clusterless.engine.store.ObjectStore;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.runtime.aws.S3ObjectStore;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
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
 * The engine, the Lambda layer and the local substrate have no package cycle in their main code (issue 13; the
 * model, the AWS substrate and this module check their own): jdeps reads each module's compiled classes, and a
 * package that reaches itself again through the others is reported with the loop.
 */
class ModulePackageCyclesTest {
    private static final Pattern EDGE = Pattern.compile("^\\s*(io\\.clusterless\\S*)\\s+->\\s+(io\\.clusterless\\S*)\\s");

    @Test
    void theEngineTheLambdaLayerAndTheLocalSubstrate_haveNoPackageCycle() throws Exception {
        for (Class<?> member : List.of(ObjectStore.class, S3ObjectStore.class, FileObjectStore.class)) {
            Path classes = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, Set<String>> graph = packageGraph(classes);
            assertThat(graph.keySet()).as("jdeps read " + classes)
                    .anyMatch(name -> name.startsWith(member.getPackageName().substring(0, member.getPackageName()
                            .lastIndexOf('.'))));
            assertThat(loops(graph)).as("package cycles in " + classes).isEmpty();
        }
    }

    @Test
    void aLoopThroughThreePackagesIsFound() {
        assertThat(loops(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"))))
                .containsExactly("a -> b -> c -> a");
    }

    private static Map<String, Set<String>> packageGraph(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-e",
                "io\\.clusterless\\..*", classes.toString());
        assertThat(exit).as("jdeps: " + err).isZero();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                graph.computeIfAbsent(edge.group(1), p -> new TreeSet<>());
                if (!edge.group(1).equals(edge.group(2))) {
                    graph.get(edge.group(1)).add(edge.group(2));
                }
            }
        }
        return graph;
    }

    /** For each package that can reach itself again, the shortest such loop, as {@code a -> b -> a}. */
    static Set<String> loops(Map<String, Set<String>> graph) {
        Set<String> loops = new TreeSet<>();
        Set<String> reported = new HashSet<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            if (reported.contains(start)) {
                continue;
            }
            Map<String, String> previous = new TreeMap<>();
            Deque<String> queue = new ArrayDeque<>(graph.get(start));
            graph.get(start).forEach(next -> previous.put(next, start));
            while (!queue.isEmpty()) {
                String at = queue.removeFirst();
                if (at.equals(start)) {
                    StringBuilder loop = new StringBuilder(start);
                    Deque<String> path = new ArrayDeque<>();
                    for (String step = previous.get(start); !step.equals(start); step = previous.get(step)) {
                        path.addFirst(step);
                    }
                    path.forEach(step -> loop.append(" -> ").append(step));
                    loops.add(loop.append(" -> ").append(start).toString());
                    reported.add(start);
                    reported.addAll(path);
                    break;
                }
                for (String next : graph.getOrDefault(at, Set.of())) {
                    if (!previous.containsKey(next)) {
                        previous.put(next, at);
                        queue.addLast(next);
                    }
                }
            }
        }
        return loops;
    }
}
