package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusterless.substrate.aws.wire.WireValues;
import software.constructs.IConstruct;

/**
 * {@code Tags.of(...)} and {@code Annotations.of(...)} calls whose helper objects stay node's ({@link WireValues}):
 * each is a new object, which jsii, mapping it to Java, follows with a round trip asking its Java package.
 */
public final class TagsAndAnnotations {
    private TagsAndAnnotations() {
    }

    /** {@code Tags.of(scope)}, as a wire reference for {@link #addTag(JsonNode, String, String)}. */
    public static JsonNode tags(IConstruct scope) {
        return WireValues.callStatic("aws-cdk-lib.Tags", "of", scope);
    }

    /** {@code tags.add(key, value)} on a {@link #tags} reference. */
    public static void addTag(JsonNode tags, String key, String value) {
        WireValues.call(tags, "add", key, value);
    }

    /** {@code Annotations.of(scope).acknowledgeWarning(id, message)}. */
    public static void acknowledgeWarning(IConstruct scope, String id, String message) {
        WireValues.call(WireValues.callStatic("aws-cdk-lib.Annotations", "of", scope), "acknowledgeWarning", id,
                message);
    }
}
