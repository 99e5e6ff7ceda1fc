package io.clusterless.local.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.metadata.PlacementReader;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectInfo;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.model.Deployable;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The §4.2 records a deploy writes, what destroy removes, and how reports read them back, over the object store port
 * (here the local folder store; DeployLifecycleIT does the same over S3 on moto).
 */
class PlacementRecordsTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final String BUCKET = DEV.metadataBucket();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;
    private ObjectStore store;

    @BeforeEach
    void placement() {
        store = new FileObjectStore(root);
    }

    private static List<Deployable> load(String... files) {
        return new ProjectLoader().loadAll(Stream.of(files).map(f -> ProjectSource.file(EXAMPLES.resolve(f))).toList())
                .deployables();
    }

    private List<String> keys() {
        return store.listAll(BUCKET, "", null).map(ObjectInfo::key).toList();
    }

    @Test
    void deployRecords_areListedInMaterials_andRemoveDeletesExactlyThem() throws Exception {
        PlacementRecords records = new PlacementRecords(store, CLOCK);
        records.writeBootstrap(DEV);
        records.writeProjects(PlacementPlan.of(DEV, load("copy-chain/project.json")));

        JsonNode materials = Json.records().readTree(store.get(BUCKET,
                "materials/name=CopyChain/version=20230101-00/materials.json").orElseThrow().body());
        assertThat(materials).hasSize(1 + 3 + 4); // project, three arcs, boundary dataset and three sinks
        assertThat(materials.get(0).asText())
                .isEqualTo("s3://" + BUCKET + "/projects/name=CopyChain/version=20230101-00/project.json");

        PlacementReader reader = new PlacementReader(store);
        assertThat(reader.projects(BUCKET)).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("CopyChain");
            assertThat(p.version()).isEqualTo("20230101-00");
        });
        assertThat(reader.arcs(BUCKET)).extracting(a -> a.arcName()).containsExactly("copyA", "copyB", "copyC");
        assertThat(reader.datasets(BUCKET)).extracting(d -> d.name())
                .containsExactlyInAnyOrder("chain-ingress", "chain-a", "chain-b", "chain-c");

        List<String> removed = records.remove(DEV, "CopyChain", "20230101-00");
        assertThat(removed).hasSize(8);
        assertThat(keys()).containsExactly("metadata.json");
    }

    /** The original reads and writes {@code {"owner": {name, version}, "dataset": {name, version, pathURI, publish}}}. */
    @Test
    void datasetRecord_isWrittenInTheOriginalsShape() throws Exception {
        new PlacementRecords(store, CLOCK).writeProjects(PlacementPlan.of(DEV, load("copy-chain/project.json")));

        JsonNode record = Json.records().readTree(store.get(BUCKET,
                "datasets/name=chain-a/version=20230101/dataset.json").orElseThrow().body());
        assertThat(record.fieldNames()).toIterable().containsExactly("owner", "dataset");
        assertThat(record.path("owner").fieldNames()).toIterable().containsExactly("name", "version");
        assertThat(record.at("/owner/name").asText()).isEqualTo("CopyChain");
        assertThat(record.at("/owner/version").asText()).isEqualTo("20230101-00");
        assertThat(record.path("dataset").fieldNames()).toIterable()
                .containsExactly("name", "version", "pathURI", "publish");
        assertThat(record.at("/dataset/name").asText()).isEqualTo("chain-a");
        assertThat(record.at("/dataset/version").asText()).isEqualTo("20230101");
        assertThat(record.at("/dataset/pathURI").asText()).startsWith("s3://");
        assertThat(record.at("/dataset/publish").asBoolean()).isTrue();
    }

    @Test
    void awsBootstrapMeta_carriesTheExportRefsOfTheBootstrapStack() throws Exception {
        new PlacementRecords(store, CLOCK).writeBootstrap(DEV);
        JsonNode meta = Json.records().readTree(store.get(BUCKET, "metadata.json").orElseThrow().body());
        assertThat(meta.path("createDateTime").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(meta.at("/exports/arcState/arnRef").asText())
                .isEqualTo("ref:aws:arn:dev:bootstrap:1:meta:arcState:store");
        assertThat(meta.at("/exports/vpc/idRef").asText()).isEqualTo("ref:aws:id:dev:bootstrap:1:meta:vpc:common-vpc");
        assertThat(meta.at("/exports/event-bus/name").asText()).isEqualTo("DEV-arc-events-us-west-2");
    }

    @Test
    void removingAProjectNeverDeployed_saysWhichRecordIsMissing() {
        assertThatThrownBy(() -> new PlacementRecords(store, CLOCK).remove(DEV, "Nothing", "1"))
                .isInstanceOf(PlacementRecords.MissingMaterialsException.class)
                .hasMessageContaining("materials/name=Nothing/version=1/materials.json")
                .hasMessageContaining("no deploy record");
    }

    @Test
    void metadataBucketNames_parseBackIntoPlacements() {
        assertThat(PlacementReader.placementOf("dev-clusterless-metadata-123456789012-us-west-2"))
                .contains(new PlacementNames("dev", "123456789012", "us-west-2"));
        assertThat(PlacementReader.placementOf("clusterless-metadata-123456789012-eu-central-1"))
                .contains(new PlacementNames(null, "123456789012", "eu-central-1"));
        assertThat(PlacementReader.placementOf("dev-clusterless-manifest-123456789012-us-west-2")).isEmpty();
        assertThat(PlacementReader.placementOf("myclusterless-metadata-1-us-west-2")).isEmpty();
    }
}
