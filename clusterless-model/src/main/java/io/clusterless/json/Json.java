package io.clusterless.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The two JSON mappers the project uses.
 * <ul>
 *   <li>{@link #records()}: metadata records written and read at run time (manifests, events, contexts). Readers
 *   ignore unknown fields so that user workloads may add their own.</li>
 *   <li>{@link #model()}: project files. Unknown fields are errors; fields bind directly, without setters.</li>
 * </ul>
 */
public final class Json {
    /** Project files nest a few levels; anything deeper than this is hostile or broken input. */
    public static final int MAX_NESTING_DEPTH = 200;

    private static final ObjectMapper RECORDS = base()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private static final ObjectMapper MODEL = base()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS)
            .build();

    private Json() {
    }

    private static JsonMapper.Builder base() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(constraints())
                .build();
        return JsonMapper.builder(factory)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.SETTER, JsonAutoDetect.Visibility.NONE)
                .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
                .configure(SerializationFeature.INDENT_OUTPUT, true)
                .serializationInclusion(JsonInclude.Include.ALWAYS);
    }

    /** Read limits shared by every parser of project files and records: hostile input fails early and cheaply. */
    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(1 << 20)
                .maxNumberLength(100)
                .build();
    }

    public static ObjectMapper records() {
        return RECORDS;
    }

    public static ObjectMapper model() {
        return MODEL;
    }
}
