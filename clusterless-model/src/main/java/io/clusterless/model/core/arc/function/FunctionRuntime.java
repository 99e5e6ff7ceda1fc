package io.clusterless.model.core.arc.function;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Lambda runtimes a lambdaExecArc may name, with the language whose launcher runs them locally. Runtimes Lambda no
 * longer creates functions with are known too, so validation can say which to move to (dates from Lambda's runtime
 * deprecation schedule, as cfn-lint's runtime lifecycle data carries them).
 */
public enum FunctionRuntime {
    PYTHON_3_12("python3.12", Language.PYTHON),
    PYTHON_3_13("python3.13", Language.PYTHON),
    PYTHON_3_14("python3.14", Language.PYTHON),
    NODEJS_20("nodejs20.x", Language.NODE, "2026-06-01", "nodejs22.x or nodejs24.x"),
    NODEJS_22("nodejs22.x", Language.NODE),
    NODEJS_24("nodejs24.x", Language.NODE),
    JAVA_17("java17", Language.JAVA, "2026-07-31", "java21 or java25"),
    JAVA_21("java21", Language.JAVA),
    JAVA_25("java25", Language.JAVA);

    /** How a runtime's handler is named and found, and which program runs it locally. */
    public enum Language {
        PYTHON("python3"), NODE("node"), JAVA("java");

        private final String program;

        Language(String program) {
            this.program = program;
        }

        /** The executable looked up on the PATH to run a handler locally. */
        public String program() {
            return program;
        }

        public String displayName() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    private final String id;
    private final Language language;
    private final String createBlockedSince;
    private final String successors;

    FunctionRuntime(String id, Language language) {
        this(id, language, null, null);
    }

    FunctionRuntime(String id, Language language, String createBlockedSince, String successors) {
        this.id = id;
        this.language = language;
        this.createBlockedSince = createBlockedSince;
        this.successors = successors;
    }

    /**
     * Why the runtime cannot be deployed any more, e.g. {@code Lambda creates no java17 function since 2026-07-31;
     * use java21 or java25}; empty for a runtime Lambda still creates.
     */
    public Optional<String> retired() {
        return createBlockedSince == null ? Optional.empty() : Optional.of("Lambda creates no " + id
                + " function since " + createBlockedSince + "; use " + successors);
    }

    /** The Lambda runtime identifier, as written in project files. */
    public String id() {
        return id;
    }

    public Language language() {
        return language;
    }

    public static Optional<FunctionRuntime> of(String id) {
        return Arrays.stream(values()).filter(runtime -> runtime.id.equals(id)).findFirst();
    }

    /** The runtimes that can be deployed, for messages. */
    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).filter(runtime -> runtime.createBlockedSince == null)
                .map(FunctionRuntime::id).toList());
    }
}
