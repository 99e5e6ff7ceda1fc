package io.clusterless.model.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterless.json.Json;
import io.clusterless.model.shape.FieldPath;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON (with comments) and YAML into a {@link LocatedTree}. The tree is built iteratively, so nesting depth
 * is bounded only by the parser's own limit ({@link Json#MAX_NESTING_DEPTH}), never by the Java stack.
 */
public final class TreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .streamReadConstraints(Json.constraints())
            .build();

    /** A 200-arc project has about 10,000 values; 25 times that is hostile input, refused before it fills memory. */
    static final int MAX_VALUES = 250_000;

    private TreeReader() {
    }

    public static LocatedTree readJson(String file, String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            return read(file, parser, "JSON");
        } catch (IOException e) {
            throw new ProblemException(Problem.of(file, "cannot read: " + e.getMessage()));
        }
    }

    public static LocatedTree readYaml(String file, String text) {
        try (JsonParser parser = YamlParsers.create(text)) {
            return read(file, parser, "YAML");
        } catch (IOException e) {
            throw new ProblemException(Problem.of(file, "cannot read: " + e.getMessage()));
        }
    }

    private static LocatedTree read(String file, JsonParser parser, String format) throws IOException {
        Map<String, Position> values = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        Deque<Frame> stack = new ArrayDeque<>();
        JsonNode root = null;
        int count = 0;
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Position position = position(parser.currentTokenLocation());
                Frame top = stack.peek();
                if (token == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    String pointer = top.pointer + "/" + escape(name);
                    if (((ObjectNode) top.node).has(name)) {
                        problems.add(new Problem(file, position, top.path.field(name),
                                "duplicate field \"" + name + "\"; each field may appear once in an object"));
                    }
                    keys.putIfAbsent(pointer, position);
                    top.pendingField = name;
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                if (root != null && stack.isEmpty()) {
                    problems.add(Problem.at(file, position, "unexpected content after the project object; a file "
                            + "holds exactly one project object"));
                    break;
                }
                if (++count > MAX_VALUES) {
                    throw new ProblemException(Problem.at(file, position, "more than " + MAX_VALUES + " values; "
                            + "project files hold a few thousand"));
                }
                JsonNode node = switch (token) {
                    case START_OBJECT -> NODES.objectNode();
                    case START_ARRAY -> NODES.arrayNode();
                    case VALUE_STRING -> NODES.textNode(parser.getText());
                    case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                            ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
                    case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                    case VALUE_TRUE -> NODES.booleanNode(true);
                    case VALUE_FALSE -> NODES.booleanNode(false);
                    case VALUE_NULL -> NODES.nullNode();
                    default -> NODES.textNode(parser.getText());
                };
                String pointer;
                FieldPath path;
                if (top == null) {
                    root = node;
                    pointer = "";
                    path = FieldPath.root();
                } else if (top.node instanceof ObjectNode object) {
                    String name = top.pendingField;
                    pointer = top.pointer + "/" + escape(name);
                    path = top.path.field(name);
                    object.set(name, node);
                } else {
                    ArrayNode array = (ArrayNode) top.node;
                    pointer = top.pointer + "/" + array.size();
                    path = top.path.index(array.size());
                    array.add(node);
                }
                values.putIfAbsent(pointer, position);
                if (node instanceof ContainerNode<?> container) {
                    stack.push(new Frame(container, pointer, path));
                }
            }
        } catch (StreamConstraintsException e) {
            throw new ProblemException(Problem.at(file, position(parser.currentLocation()),
                    constraintMessage(e)));
        } catch (JsonProcessingException e) {
            Problem yaml = YamlParsers.problem(file, e);
            if (yaml != null) {
                throw new ProblemException(yaml);
            }
            throw new ProblemException(Problem.at(file, position(e.getLocation()), format + " syntax error: "
                    + SyntaxMessages.clean(e.getOriginalMessage())));
        } catch (ProblemException e) {
            throw e; // our own limits (too many values) are already worded and positioned
        } catch (RuntimeException e) {
            // YAML's parser reports its own limits (aliases, depth) as unchecked exceptions
            throw new ProblemException(Problem.at(file, position(parser.currentLocation()), format
                    + " syntax error: " + SyntaxMessages.clean(e.getMessage())));
        }
        if (root == null) {
            throw new ProblemException(Problem.of(file, "file is empty: expected a project object with \"project\" "
                    + "and \"placement\" (see `cls show model --model deployable`)"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(problems);
        }
        return new LocatedTree(root, values, keys);
    }

    private static String constraintMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.contains("nesting depth")) {
            return "nesting is deeper than " + Json.MAX_NESTING_DEPTH + " levels; project files are only a few "
                    + "levels deep";
        }
        if (message != null && message.contains("String value length")) {
            return "a string value is longer than " + Json.constraints().getMaxStringLength() / 1024
                    + " KiB; project files hold short values";
        }
        if (message != null && message.contains("Number value length")) {
            return "a number is longer than " + Json.constraints().getMaxNumberLength() + " digits";
        }
        return "value too large: " + SyntaxMessages.clean(message);
    }

    static Position position(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return null;
        }
        return new Position(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static final class Frame {
        final ContainerNode<?> node;
        final String pointer;
        final FieldPath path;
        String pendingField;

        Frame(ContainerNode<?> node, String pointer, FieldPath path) {
            this.node = node;
            this.pointer = pointer;
            this.path = path;
        }
    }
}
