package io.clusterless.substrate.aws.jsii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterless.substrate.aws.Projects;
import io.clusterless.substrate.aws.Sources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** cls's own jsii module (ADR 17) declares what it needs, and cls builds nothing that needs a module left unloaded. */
class SynthModuleTest {
    private static final Path MODULE = Projects.ROOT.resolve("clusterless-substrate-aws/src/main/jsii");
    private static final Path MAIN = Projects.ROOT.resolve("clusterless-substrate-aws/src/main/java");

    @Test
    void itsAssemblyNamesTheCdkVersionsThisBuildUses() throws IOException {
        JsonNode assembly = new ObjectMapper().readTree(MODULE.resolve(".jsii").toFile());
        assertThat(assembly.path("name").asText()).isEqualTo(SynthModule.NAME);
        assertThat(assembly.path("version").asText()).isEqualTo(new SynthModule().getModuleVersion());
        assertThat(assembly.path("dependencies").path("aws-cdk-lib").asText())
                .isEqualTo(new software.amazon.awscdk.$Module().getModuleVersion());
        assertThat(assembly.path("dependencies").path("constructs").asText())
                .isEqualTo(new software.constructs.$Module().getModuleVersion());
        JsonNode pkg = new ObjectMapper().readTree(MODULE.resolve("package.json").toFile());
        assertThat(pkg.path("name").asText()).isEqualTo(SynthModule.NAME);
        assertThat(pkg.path("version").asText()).isEqualTo(new SynthModule().getModuleVersion());
    }

    /**
     * JsiiStart.UNUSED leaves the AWS CLI and node proxy agent asset modules unloaded: aws-cdk-lib requires them only
     * for these constructs, which would fail in node ("Cannot find module") if cls built one.
     */
    @Test
    void noConstructOfCls_needsAModuleLeftUnloaded() {
        for (String needsOne : List.of("services.s3.deployment", "services.eks", "lambda.layer.awscli",
                "lambda.layer.node.proxy.agent", "EmrContainersStartJobRun", "services.servicecatalog")) {
            assertThat(Sources.containing(MAIN, ".java", needsOne)).as(needsOne).isEmpty();
        }
    }
}
