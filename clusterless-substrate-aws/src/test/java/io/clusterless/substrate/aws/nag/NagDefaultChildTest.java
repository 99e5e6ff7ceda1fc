package io.clusterless.substrate.aws.nag;

import io.clusterless.substrate.aws.Projects;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.constructs.IConstruct;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What Nag assumes of the classes whose default child it does not ask node for (Nag.DEFAULT_CHILD_BELOW). */
class NagDefaultChildTest {
    @Test
    void eachClassWithoutTheQuestionHasItsDefaultChildBelowItAndIsNoResource() {
        Stack stack = new Stack(new App(), "Defaults");
        List<IConstruct> constructs = List.of(
                Function.Builder.create(stack, "Function").code(Code.fromInline("exports.h = () => 1"))
                        .handler("index.h").runtime(Runtime.NODEJS_LATEST).build(),
                Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com")).build(),
                Queue.Builder.create(stack, "Queue").enforceSsl(true).build(),
                StateMachine.Builder.create(stack, "Machine")
                        .definitionBody(DefinitionBody.fromChainable(new Pass(stack, "Pass"))).build(),
                Bucket.Builder.create(stack, "Bucket").enforceSsl(true).build());

        assertThat(constructs.stream().map(Object::getClass)).containsExactlyInAnyOrderElementsOf(
                Nag.DEFAULT_CHILD_BELOW);
        for (IConstruct construct : constructs) {
            IConstruct defaultChild = construct.getNode().getDefaultChild();
            assertThat(construct).as(construct.getNode().getPath()).isNotInstanceOf(CfnResource.class);
            assertThat(defaultChild).as(construct.getNode().getPath()).isInstanceOf(CfnResource.class);
            assertThat(construct.getNode().findAll()).as(construct.getNode().getPath()).contains(defaultChild);
        }
    }

    /** Nor does cls give any construct another default child: the CDK's classes decide it alone. */
    @Test
    void clsSetsNoDefaultChild() throws IOException {
        Path sources = Projects.ROOT.resolve("clusterless-substrate-aws/src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> setting = files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    return Files.readString(file).contains("setDefaultChild");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(setting).isEmpty();
        }
    }
}
