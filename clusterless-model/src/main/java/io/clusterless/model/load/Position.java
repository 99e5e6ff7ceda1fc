package io.clusterless.model.load;

/** A 1-based line and column in a project file. */
public record Position(int line, int column) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
