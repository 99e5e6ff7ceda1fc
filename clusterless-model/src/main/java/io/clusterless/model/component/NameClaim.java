package io.clusterless.model.component;

import io.clusterless.naming.ProjectNames;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A physical name a component gets when deployed, derived from one declared field: validation derives it only when
 * the field's value is a well-formed component name (NameRule reports the others), then checks it against AWS's
 * rules and against the names other components get.
 *
 * @param field    the field the name comes from, where a problem is reported ({@code name} or e.g.
 *                 {@code computeEnvironmentName})
 * @param declared the field's value
 * @param kind     what AWS calls the name
 * @param derive   the physical name of the declared value in a project version
 */
public record NameClaim(String field, String declared, PhysicalNameKind kind,
                        BiFunction<ProjectNames, String, String> derive) {
    public static NameClaim ofName(String name, PhysicalNameKind kind,
                                   BiFunction<ProjectNames, String, String> derive) {
        return new NameClaim("name", name, kind, derive);
    }

    /**
     * What every component of a kind gets on AWS: an arc its stack, state machine, listener rule and the state
     * machine's log group; a boundary or activity its rule in the grouped stack; a resource nothing of its own.
     */
    public static List<NameClaim> ofKind(ComponentKind kind, String name) {
        return switch (kind) {
            case ARC -> List.of(
                    ofName(name, PhysicalNameKind.STACK, ProjectNames::arcStack),
                    ofName(name, PhysicalNameKind.STATE_MACHINE, ProjectNames::arcStateMachine),
                    ofName(name, PhysicalNameKind.RULE, ProjectNames::arcListenerRule),
                    ofName(name, PhysicalNameKind.LOG_GROUP,
                            (names, arc) -> names.stateMachineLogGroup(names.arcStateMachine(arc))));
            case BOUNDARY, ACTIVITY -> List.of(ofName(name, PhysicalNameKind.RULE, ProjectNames::componentRule));
            case RESOURCE, BARRIER -> List.of();
        };
    }

    public String name(ProjectNames names) {
        return derive.apply(names, declared);
    }
}
