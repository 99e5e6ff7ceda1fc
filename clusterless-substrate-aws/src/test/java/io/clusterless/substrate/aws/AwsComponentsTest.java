package io.clusterless.substrate.aws;

import io.clusterless.model.component.ComponentKind;
import io.clusterless.model.component.ComponentRegistry;
import io.clusterless.model.component.ComponentType;
import io.clusterless.model.core.arc.s3copy.S3CopyArc;
import io.clusterless.substrate.aws.component.ActivityConstruct;
import io.clusterless.substrate.aws.component.ArcWorkloadConstruct;
import io.clusterless.substrate.aws.component.AwsComponent;
import io.clusterless.substrate.aws.component.AwsComponents;
import io.clusterless.substrate.aws.component.BoundaryConstruct;
import io.clusterless.substrate.aws.component.ResourceConstruct;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every component type the model registers can be placed on AWS, by one AWS plugin in the type's folder. */
class AwsComponentsTest {
    private static final String MODEL_TYPES = "io.clusterless.model.core.";
    private static final String AWS_TYPES = "io.clusterless.substrate.aws.component.";

    @Test
    void everyRegisteredTypeHasAnAwsComponentOfItsKindInItsFolder() {
        assertThat(problems(ComponentRegistry.defaultRegistry(), AwsComponents.defaults())).isEmpty();
        assertThat(AwsComponents.defaults().all()).hasSize(ComponentRegistry.defaultRegistry().all().size());
    }

    @Test
    void aTypeWithoutAnAwsComponentIsReported() {
        // GIVEN a registered arc type nobody wrote the AWS part of
        ComponentType unplaced = new ComponentType("test:core:unplacedArc", ComponentKind.ARC, UnplacedArc.class,
                "A test arc.", "Has no AWS part.", List.of("start", "complete", "func"));
        ComponentRegistry registry = new ComponentRegistry(Stream.concat(
                ComponentRegistry.defaultRegistry().all().stream(), Stream.of(unplaced)).toList());

        // THEN the check names it
        assertThat(problems(registry, AwsComponents.defaults()))
                .containsExactly("test:core:unplacedArc (arc): no AWS component implementing ArcWorkloadConstruct");
    }

    /** What is missing or misplaced, one line per type; empty when every type has its AWS part. */
    private static List<String> problems(ComponentRegistry registry, AwsComponents components) {
        List<String> problems = new ArrayList<>();
        for (ComponentType type : registry.all()) {
            Class<? extends AwsComponent> hook = hook(type.kind());
            var component = components.find(type.id(), hook);
            if (component.isEmpty()) {
                problems.add(type.id() + " (" + type.kind().displayName() + "): no AWS component implementing "
                        + hook.getSimpleName());
                continue;
            }
            String modelFolder = type.modelClass().getPackageName();
            String expected = modelFolder.startsWith(MODEL_TYPES)
                    ? AWS_TYPES + modelFolder.substring(MODEL_TYPES.length()) : null;
            String actual = component.get().getClass().getPackageName();
            if (!actual.equals(expected)) {
                problems.add(type.id() + ": its AWS component is in " + actual + ", not " + expected);
            }
        }
        for (AwsComponent component : components.all()) {
            if (registry.find(component.type()).isEmpty()) {
                problems.add(component.type() + ": AWS component " + component.getClass().getName()
                        + " of a type the model does not register");
            }
        }
        return problems;
    }

    private static Class<? extends AwsComponent> hook(ComponentKind kind) {
        return switch (kind) {
            case RESOURCE -> ResourceConstruct.class;
            case ACTIVITY -> ActivityConstruct.class;
            case BOUNDARY -> BoundaryConstruct.class;
            case ARC -> ArcWorkloadConstruct.class;
            case BARRIER -> throw new AssertionError("barriers have no AWS hook yet; add one with the first type");
        };
    }

    /** A test arc type, outside the core folders. */
    public static class UnplacedArc extends S3CopyArc {
    }
}
