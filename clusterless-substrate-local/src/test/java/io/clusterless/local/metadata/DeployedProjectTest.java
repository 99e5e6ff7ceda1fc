package io.clusterless.local.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.metadata.DeployedProject;
import io.clusterless.engine.metadata.PlacementRecords;
import io.clusterless.engine.plan.ArcPlan;
import io.clusterless.engine.plan.PlacementPlan;
import io.clusterless.engine.store.ObjectStore;
import io.clusterless.json.Json;
import io.clusterless.local.store.FileObjectStore;
import io.clusterless.model.Component;
import io.clusterless.model.Deployable;
import io.clusterless.model.Project;
import io.clusterless.model.load.LoadedFile;
import io.clusterless.model.load.ProblemException;
import io.clusterless.model.load.ProjectLoader;
import io.clusterless.model.load.ProjectSource;
import io.clusterless.naming.PlacementNames;
import io.clusterless.uri.RecordURI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A deployed project read back from its project.json record: found by name and version, loaded as deployed. */
class DeployedProjectTest {
    private static final Path COPY_CHAIN = Path.of("..", "examples", "copy-chain", "project.json");
    private static final PlacementNames DEV = new PlacementNames("dev", "123456789012", "us-west-2");
    private static final PlacementNames PROD = new PlacementNames("prod", "123456789012", "us-west-2");

    @TempDir
    Path root;
    private ObjectStore store;
    private DeployedProject deployed;

    @BeforeEach
    void placement() {
        store = new FileObjectStore(root);
        deployed = new DeployedProject(store, new ProjectLoader());
    }

    private static Deployable copyChain() {
        return new ProjectLoader().load(ProjectSource.file(COPY_CHAIN)).deployable();
    }

    private void deploy(PlacementNames placement, Deployable deployable) {
        new PlacementRecords(store, Clock.systemUTC()).writeProjects(PlacementPlan.of(placement, List.of(deployable)));
    }

    private static Deployable named(String name, String version) {
        Deployable d = copyChain();
        return new Deployable(new Project(name, version), d.getPlacement(), d.getResources(), d.getActivities(),
                d.getBoundaries(), d.getArcs());
    }

    @Test
    void theRecordLoadsBackAsTheDeployedModel_exclusionsIncluded() {
        Deployable original = copyChain();
        original.getArcs().stream().filter(arc -> arc.getName().equals("copyB")).forEach(Component::exclude);
        deploy(DEV, original);

        List<RecordURI> found = deployed.find(List.of(DEV.metadataBucket()), "CopyChain", null);
        LoadedFile loaded = deployed.load(found.get(0)).orElseThrow();

        assertThat(loaded.display()).isEqualTo("s3://" + DEV.metadataBucket()
                + "/projects/name=CopyChain/version=20230101-00/project.json");
        JsonNode asDeployed = Json.model().valueToTree(original);
        JsonNode asLoaded = Json.model().valueToTree(loaded.deployable());
        assertThat(asLoaded).isEqualTo(asDeployed);
        assertThat(PlacementPlan.of(DEV, List.of(loaded.deployable())).projects().get(0).arcs())
                .extracting(ArcPlan::name).containsExactly("copyA", "copyC");
    }

    @Test
    void findGivesEveryDeployedVersion_orTheOneAsked_andNoProjectWhoseNameOnlyStartsTheSame() {
        deploy(DEV, named("CopyChain", "1"));
        deploy(DEV, named("CopyChain", "2"));
        deploy(DEV, named("CopyChainTwo", "1"));
        deploy(PROD, named("CopyChain", "3"));
        List<String> buckets = List.of(DEV.metadataBucket(), PROD.metadataBucket());

        assertThat(deployed.find(buckets, "CopyChain", null))
                .extracting(RecordURI::bucket, RecordURI::version)
                .containsExactly(tuple(DEV.metadataBucket(), "1"),
                        tuple(DEV.metadataBucket(), "2"),
                        tuple(PROD.metadataBucket(), "3"));
        assertThat(deployed.find(buckets, "CopyChain", "2")).extracting(RecordURI::version)
                .containsExactly("2");
        assertThat(deployed.find(buckets, "CopyChain", "9")).isEmpty();
        assertThat(deployed.find(buckets, "Copy", null)).isEmpty();
        assertThatThrownBy(() -> deployed.find(buckets, "a/b", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordThatIsNoProject_isAProblemAtTheRecord() {
        String key = "projects/name=Broken/version=1/project.json";
        store.put(DEV.metadataBucket(), key, "{\"project\": 1}".getBytes(StandardCharsets.UTF_8), "application/json");

        RecordURI record = deployed.find(List.of(DEV.metadataBucket()), "Broken", "1").get(0);

        assertThatThrownBy(() -> deployed.load(record)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("s3://" + DEV.metadataBucket() + "/" + key);
    }
}
