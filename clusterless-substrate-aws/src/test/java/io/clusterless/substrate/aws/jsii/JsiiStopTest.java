package io.clusterless.substrate.aws.jsii;

import org.junit.jupiter.api.Test;
import software.amazon.jsii.JsiiRuntime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link JsiiStop} against jsii's own Java runtime, whose node side is a stand-in with the relay's contract
 * (src/test/resources/jsii-stop/last-words.js): what node prints after it was asked to exit must still be relayed,
 * node must be gone, and jsii must have nothing left to do at the JVM's exit.
 */
class JsiiStopTest {
    private static final Path LAST_WORDS = Path.of("src/test/resources/jsii-stop/last-words.js").toAbsolutePath();

    @Test
    void nodesOutputAfterTheExitRequest_isRelayed_andJsiiHasNothingLeftToEnd() throws Exception {
        JsiiRuntime runtime = runtime(standIn());
        runtime.getClient(); // starts node and reads its greeting
        Process node = (Process) field(runtime, "childProcess");
        PrintStream err = System.err;
        ByteArrayOutputStream relayed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(relayed, true, StandardCharsets.UTF_8));
        try {
            Optional<JsiiStop> stop = JsiiStop.begin(runtime);
            assertThat(stop).isPresent();
            stop.get().finish();
        } finally {
            System.setErr(err);
        }
        assertThat(relayed.toString(StandardCharsets.UTF_8)).contains("last words");
        assertThat(node.isAlive()).isFalse();
        assertThat(node.exitValue()).isZero();
        // jsii's own end ran: its shutdown hook is gone, so the JVM's exit waits for nothing of jsii's
        assertThat(field(runtime, "shutdownHook")).isNull();
        assertThat(field(runtime, "childProcess")).isNull();
    }

    @Test
    void aRuntimeThatNeverStartedNode_isLeftAlone() throws Exception {
        assertThat(JsiiStop.begin(runtime(standIn()))).isEmpty();
        assertThat(JsiiStop.begin((Object) null)).isEmpty();
    }

    @Test
    void anotherJsiisRuntime_isNotTouched() {
        // internals other than those cls was built with: the public begin() then leaves jsii's end as it is
        assertThatThrownBy(() -> JsiiStop.begin(new Object())).isInstanceOf(NoSuchFieldException.class);
    }

    /** The stand-in's command line; it greets with the version jsii's Java side expects. */
    private static String standIn() throws ReflectiveOperationException {
        Field version = Class.forName("software.amazon.jsii.JsiiVersion").getDeclaredField("JSII_RUNTIME_VERSION");
        version.setAccessible(true);
        return "node '" + LAST_WORDS + "' '" + version.get(null) + "'";
    }

    private static JsiiRuntime runtime(String command) throws Exception {
        Constructor<JsiiRuntime> make = JsiiRuntime.class.getDeclaredConstructor(String.class, String.class);
        make.setAccessible(true);
        return make.newInstance(command, null);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }
}
