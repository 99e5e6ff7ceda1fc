package io.clusterless.model.validate;

import io.clusterless.model.Component;
import io.clusterless.model.load.Problem;

import java.util.List;

/**
 * A check only components of one type need, contributed by that type's plugin ({@link ComponentRules}) from the
 * type's own folder; {@link ProjectValidator} runs it on every component of the type.
 *
 * @param <T> the type's model class
 */
public interface ComponentRule<T extends Component> {
    /**
     * What a check is about. The validator runs a type's checks of each concern right after the shared rule of the
     * same concern, so problems at one field are listed in the same order whichever rule reports them.
     */
    enum Concern {
        /** Declared names that become physical names (after the shared component and dataset names). */
        NAMES,
        /** Bucket names and locations (after the shared boundary and sink locations). */
        LOCATIONS,
        /** Reference fields pointing at other components, exports or ARNs. */
        REFERENCES,
        /** Type-specific settings that are valid JSON but cannot work, and files they name. */
        SETTINGS
    }

    Concern concern();

    void check(Located<T> component, RuleContext context, List<Problem> problems);

    /** A rule of a concern from a lambda, for plugins whose checks are a method each. */
    static <T extends Component> ComponentRule<T> of(Concern concern, Check<T> check) {
        return new ComponentRule<>() {
            @Override
            public Concern concern() {
                return concern;
            }

            @Override
            public void check(Located<T> component, RuleContext context, List<Problem> problems) {
                check.check(component, context, problems);
            }
        };
    }

    /** The body of a {@link ComponentRule}. */
    @FunctionalInterface
    interface Check<T extends Component> {
        void check(Located<T> component, RuleContext context, List<Problem> problems);
    }
}
