package io.clusterless.substrate.aws;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ArcStackRoundTripsTest {
    private static final Path COPY_CHAIN = Projects.EXAMPLES.resolve("copy-chain/project.json");

    /**
     * What one copy arc's stack costs in jsii round trips once the JVM's shared values exist (a second synth of the
     * same project): the middle of three chained arcs, from its stack's creation to the next stack's. Each round trip
     * wakes node and the JVM; a 50-arc project pays this 50 times. Lower it here when a change saves some.
     */
    @Test
    void aCopyArcStackCostsItsBudgetOfRoundTrips() {
        Projects.synth(COPY_CHAIN); // the JVM's shared values (conditions, constants, durations) are made here
        List<JsonNode> requests = JsiiRequests.during(() -> Projects.synth(COPY_CHAIN));

        List<List<JsonNode>> stacks = new ArrayList<>();
        for (JsonNode request : requests) {
            if (request.path("api").asText().equals("create")
                    && request.path("fqn").asText().equals("aws-cdk-lib.Stack")) {
                stacks.add(new ArrayList<>());
            }
            if (!stacks.isEmpty()) {
                stacks.get(stacks.size() - 1).add(request);
            }
        }
        assertThat(stacks).as("the boundary's stack and three arc stacks").hasSize(4);
        List<JsonNode> copyB = stacks.get(2);
        assertThat(copyB.get(0).path("args").get(1).asText()).contains("copy-b");

        Map<String, Integer> kinds = new TreeMap<>();
        copyB.forEach(request -> kinds.merge(request.path("api").asText(), 1, Integer::sum));
        assertThat(kinds).as("round trips of copyB's stack by kind").isEqualTo(Map.of(
                "create", 31, "get", 6, "invoke", 8, "sinvoke", 11));
    }

    /**
     * A component's tags are added through one {@code Tags.of} (a round trip each), as the project's stacks' tags
     * are, which are added once on the App.
     */
    @Test
    void aComponentsTagsShareOneTagsObject() {
        Path logExport = Projects.EXAMPLES.resolve("others/log-export.json"); // a bucket with two tags
        List<JsonNode> requests = JsiiRequests.during(() -> Projects.synth(logExport));
        long tagsOf = requests.stream().filter(request -> request.path("api").asText().equals("sinvoke")
                && request.path("fqn").asText().equals("aws-cdk-lib.Tags")).count();
        assertThat(tagsOf).as("Tags.of: one on the App and one for the bucket").isEqualTo(2);
    }
}
