package io.clusterless.substrate.aws.wire;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiObjectRef;

import static org.assertj.core.api.Assertions.assertThat;

class WireValuesTest {
    /** The local lookup finds the class jsii itself maps each object of a construct tree to. */
    @Test
    void javaClassIsTheClassJsiiMapsTheTypeTo() {
        Stack stack = new Stack(new App(), "Mapped");
        new Queue(stack, "Queue");
        JsonNode all = WireValues.call(WireValues.get(stack, "node"), "findAll");

        assertThat(all.size()).isGreaterThan(2);
        for (JsonNode wire : all) {
            JsiiObjectRef ref = JsiiObjectRef.parse(wire);
            assertThat(WireValues.javaClass(ref.getFqn())).as(ref.getFqn())
                    .isEqualTo(JsiiEngine.getInstance().nativeFromObjRef(ref).getClass());
        }
    }

    @Test
    void javaClassLeavesOtherModulesToJsii() {
        assertThat(WireValues.javaClass("cdk-nag.NagSuppressions")).isNull();
        assertThat(WireValues.javaClass("Object")).isNull();
    }
}
