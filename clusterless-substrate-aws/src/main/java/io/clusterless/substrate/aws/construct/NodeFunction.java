package io.clusterless.substrate.aws.construct;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.jsii.JsiiObject;
import software.amazon.jsii.JsiiObjectRef;

/**
 * A function of node's (here a function's published version) seen from Java through its {@code IFunction}
 * interface, as jsii's own interface proxy does: built from a wire reference, it spares the round trip in which
 * jsii, mapping a new object to its Java class, asks node the object's Java package. Registered with jsii, so node
 * handing the same object back maps it to this one.
 */
final class NodeFunction extends JsiiObject implements IFunction.Jsii$Default {
    NodeFunction(JsonNode reference) {
        super(JsiiObjectRef.parse(reference));
    }
}
