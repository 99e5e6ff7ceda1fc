package io.clusterless.runtime.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.engine.catalog.PartitionCatalog.Partition;
import io.clusterless.engine.catalog.PartitionCatalog.PartitionError;
import io.clusterless.runtime.testing.MotoServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Glue adapter against moto_server's Glue JSON API. */
class GlueCatalogTest {
    private GlueCatalog catalog;
    private GlueTables tables;

    @BeforeEach
    void table() {
        MotoServer moto = MotoServer.get();
        moto.reset();
        catalog = new GlueCatalog(moto.clients());
        tables = new GlueTables(moto.clients());
        tables.create("logs", "access", "s3://data/access/", "year", "month");
    }

    @Test
    void storageDescriptor_isTheTablesOwn() {
        JsonNode descriptor = catalog.storageDescriptor(null, "logs", "access");

        assertThat(descriptor.path("Location").asText()).isEqualTo("s3://data/access/");
        assertThat(descriptor.path("SerdeInfo").path("SerializationLibrary").asText()).endsWith("ParquetHiveSerDe");
    }

    @Test
    void addPartitions_createsThemWithTheTablesFormatAtTheirOwnLocation() {
        JsonNode descriptor = catalog.storageDescriptor(null, "logs", "access");

        List<PartitionError> errors = catalog.addPartitions(null, "logs", "access", descriptor, List.of(
                new Partition(List.of("2023", "01"), "s3://data/access/year=2023/month=01/"),
                new Partition(List.of("2023", "02"), "s3://data/access/year=2023/month=02/")));

        assertThat(errors).isEmpty();
        List<JsonNode> partitions = tables.partitions("logs", "access");
        assertThat(partitions).extracting(p -> p.path("StorageDescriptor").path("Location").asText())
                .containsExactlyInAnyOrder("s3://data/access/year=2023/month=01/", "s3://data/access/year=2023/month=02/");
        assertThat(partitions).allSatisfy(p -> assertThat(p.path("StorageDescriptor").path("InputFormat").asText())
                .endsWith("MapredParquetInputFormat"));
    }

    @Test
    void existingPartition_isReportedWithGluesErrorCode() {
        JsonNode descriptor = catalog.storageDescriptor(null, "logs", "access");
        Partition january = new Partition(List.of("2023", "01"), "s3://data/access/year=2023/month=01/");
        catalog.addPartitions(null, "logs", "access", descriptor, List.of(january));

        List<PartitionError> errors = catalog.addPartitions(null, "logs", "access", descriptor, List.of(january,
                new Partition(List.of("2023", "02"), "s3://data/access/year=2023/month=02/")));

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.values()).containsExactly("2023", "01");
            assertThat(error.code()).isEqualTo("AlreadyExistsException");
        });
    }

    @Test
    void moreThanOneHundredPartitions_areRefusedBeforeCallingGlue() {
        List<Partition> partitions = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            partitions.add(new Partition(List.of("2023", String.valueOf(i)), "s3://data/access/" + i + "/"));
        }
        JsonNode descriptor = catalog.storageDescriptor(null, "logs", "access");

        assertThatThrownBy(() -> catalog.addPartitions(null, "logs", "access", descriptor, partitions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
    }

    @Test
    void missingTable_surfacesGluesErrorCode() {
        assertThatThrownBy(() -> catalog.storageDescriptor(null, "logs", "absent"))
                .isInstanceOf(AwsJsonException.class)
                .satisfies(e -> assertThat(((AwsJsonException) e).code()).isEqualTo("EntityNotFoundException"));
    }
}
