package io.clusterless.model.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.clusterless.json.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;

/** YAML parsing with limits: bounded nesting, aliases and size, so hostile YAML fails fast with a message. */
final class YamlParsers {
    private static final YAMLFactory FACTORY;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(Json.MAX_NESTING_DEPTH);
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(true); // duplicates are reported by TreeReader with a position
        options.setCodePointLimit(ProjectText.MAX_BYTES);
        FACTORY = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(Json.constraints())
                .build();
    }

    private YamlParsers() {
    }

    /** SnakeYAML's own report names the problem and where it was seen; null for other errors. */
    static Problem problem(String file, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                String problem = marked.getProblem() != null ? marked.getProblem() : marked.getMessage();
                String message = marked.getContext() != null ? marked.getContext() + ": " + problem : problem;
                Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
                Position position = mark == null ? null : new Position(mark.getLine() + 1, mark.getColumn() + 1);
                return Problem.at(file, position, "YAML syntax error: " + SyntaxMessages.clean(message));
            }
        }
        return null;
    }

    static JsonParser create(String text) throws IOException {
        return FACTORY.createParser(text);
    }
}
