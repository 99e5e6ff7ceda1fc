package io.clusterless.runtime.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.clusterless.engine.entry.LambdaEntryPointRegistry;
import io.clusterless.engine.entry.LambdaEntryPoints;
import io.clusterless.engine.entry.LambdaFunction;
import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.model.core.boundary.s3put.S3PutListenerBoundary;
import io.clusterless.runtime.arc.ArcGates;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every registered component type can be deployed: each of its Lambda functions has a declared entry point. */
class EntryPointCoverageTest {
    private static final ComponentRegistry MODEL = ComponentRegistry.defaultRegistry();
    private static final LambdaEntryPointRegistry DECLARED = LambdaEntryPointRegistry.defaultRegistry();

    @Test
    void everyRegisteredTypeDeclaresAnEntryPointForEachOfItsFunctions() {
        assertThat(DECLARED.problems(MODEL)).isEmpty();
        assertThat(MODEL.ofKind(ComponentKind.ARC)).allSatisfy(type ->
                assertThat(DECLARED.find(type.id())).as(type.id()).isPresent());
    }

    @Test
    void everyDeclaredHandlerIsALambdaEntryPoint() throws Exception {
        for (LambdaEntryPoints declaration : DECLARED.all()) {
            for (LambdaFunction function : declaration.functions()) {
                if (!function.userCode()) {
                    assertThat(RequestStreamHandler.class.isAssignableFrom(function.handler()))
                            .as(function.handler().getName()).isTrue();
                    assertThat(function.handler().getConstructor()).isNotNull();
                }
            }
        }
    }

    @Test
    void aRegisteredArcTypeWithoutEntryPointsIsNamed() {
        List<LambdaEntryPoints> declarations = DECLARED.all().stream()
                .filter(d -> !d.componentType().equals(S3CopyArc.TYPE)).toList();

        assertThat(new LambdaEntryPointRegistry(declarations).problems(MODEL)).containsExactly(
                S3CopyArc.TYPE + ": no Lambda entry points declared for its functions [start, complete, func]");
    }

    @Test
    void aFunctionWithoutAHandlerAndAnArcWithoutAWorkloadAreNamed() {
        List<LambdaEntryPoints> declarations = new ArrayList<>(DECLARED.all().stream()
                .filter(d -> !d.componentType().equals(S3CopyArc.TYPE)).toList());
        declarations.add(declaration(S3CopyArc.TYPE, ArcGates.with()));

        assertThat(new LambdaEntryPointRegistry(declarations).problems(MODEL)).containsExactly(
                S3CopyArc.TYPE + ": function 'func' has no entry point (a handler, or userCode)",
                S3CopyArc.TYPE + ": an arc type needs exactly one workload function, declares 0");
    }

    @Test
    void aBoundaryTypeWithoutEntryPointsIsNamed() {
        List<LambdaEntryPoints> declarations = DECLARED.all().stream()
                .filter(d -> !d.componentType().equals(S3PutListenerBoundary.TYPE)).toList();

        assertThat(new LambdaEntryPointRegistry(declarations).problems(MODEL)).containsExactly(
                S3PutListenerBoundary.TYPE + ": no Lambda entry points declared for its functions [int]");
    }

    private static LambdaEntryPoints declaration(String type, List<LambdaFunction> functions) {
        return new LambdaEntryPoints() {
            @Override
            public String componentType() {
                return type;
            }

            @Override
            public List<LambdaFunction> functions() {
                return functions;
            }
        };
    }
}
