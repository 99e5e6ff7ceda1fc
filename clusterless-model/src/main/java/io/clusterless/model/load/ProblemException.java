package io.clusterless.model.load;

import java.util.List;

/** Thrown when project files cannot be used; carries every problem found. */
public class ProblemException extends RuntimeException {
    private final List<Problem> problems;

    public ProblemException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid project" : problems.get(0).format());
        this.problems = List.copyOf(problems);
    }

    public ProblemException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
