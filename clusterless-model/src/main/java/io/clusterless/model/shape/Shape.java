package io.clusterless.model.shape;

import io.clusterless.model.component.ComponentKind;

import java.util.List;
import java.util.Map;

/**
 * The expected shape of a value in a project file, derived once from the model classes. One description serves
 * three purposes: checking files (every problem, with its path), the JSON Schema, and `cls show` templates.
 */
public sealed interface Shape {
    /** Words for messages: "a string", "an object"... */
    String describe();

    enum ScalarKind {
        STRING("a string"), INTEGER("an integer"), NUMBER("a number"), BOOLEAN("true or false"), ANY("any value");

        private final String words;

        ScalarKind(String words) {
            this.words = words;
        }
    }

    record Scalar(ScalarKind kind) implements Shape {
        @Override
        public String describe() {
            return kind.words;
        }
    }

    /** Values compare case-insensitively, as the original's enum binding did. */
    record Enumeration(List<String> values) implements Shape {
        @Override
        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    record ObjectShape(Class<?> type, Map<String, Property> properties) implements Shape {
        @Override
        public String describe() {
            return "an object";
        }
    }

    record ArrayShape(Shape items) implements Shape {
        @Override
        public String describe() {
            return "an array";
        }
    }

    record MapShape(Shape values) implements Shape {
        @Override
        public String describe() {
            return "an object";
        }
    }

    /** A list of components whose element shapes depend on their {@code type}. */
    record ComponentList(ComponentKind kind) implements Shape {
        @Override
        public String describe() {
            return "an array";
        }
    }

    record Property(String name, Shape shape, boolean required, String description) {
    }
}
