package io.clusterless.model.core.arc.function;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Lambda runtimes a lambdaExecArc may name, with the language whose launcher runs them locally. */
public enum FunctionRuntime {
    PYTHON_3_12("python3.12", Language.PYTHON),
    PYTHON_3_13("python3.13", Language.PYTHON),
    NODEJS_20("nodejs20.x", Language.NODE),
    NODEJS_22("nodejs22.x", Language.NODE),
    JAVA_17("java17", Language.JAVA),
    JAVA_21("java21", Language.JAVA);

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

    FunctionRuntime(String id, Language language) {
        this.id = id;
        this.language = language;
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

    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).map(FunctionRuntime::id).toList());
    }
}
