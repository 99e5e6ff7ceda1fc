package io.clusterless.substrate.aws.jsii;

import software.amazon.jsii.JsiiEngine;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Ends jsii's node process at the end of a command without jsii's idle wait. jsii's own end (its shutdown hook) asks
 * node to exit, then joins the thread that relays node's console output, which polls, sleeping 100 ms between polls,
 * and sees it should stop only after its sleep: 0-100 ms for nothing at the end of every command that used jsii.
 * Here: node is asked to exit ({@link #begin}); once it has ({@link #finish}), the relay thread is woken from its
 * sleep, this thread relays what node printed last, to the end of its output (as the relay thread would have), and
 * jsii releases the rest itself (its own {@code terminate}, left nothing to wait for). Nothing node prints is lost.
 * <p>
 * Anything unexpected (another jsii version's internals) leaves jsii's end as it was: its shutdown hook runs as before.
 */
public final class JsiiStop {
    private static final long WAIT_SECONDS = 5; // as long as jsii's own end waits for node
    private final Object runtime;
    private final Process node;
    private final Thread relay;
    private final Method relayRest;
    private final Method terminate;

    private JsiiStop(Object runtime, Process node, Thread relay, Method relayRest, Method terminate) {
        this.runtime = runtime;
        this.node = node;
        this.relay = relay;
        this.relayRest = relayRest;
        this.terminate = terminate;
    }

    /**
     * Asks jsii's node process to exit, as jsii's end does (the exit request, then its input closed), when this JVM
     * started one; empty when it did not, or jsii's internals are not those cls was built with.
     */
    public static Optional<JsiiStop> begin() {
        try {
            Object engine = JsiiInternals.field(JsiiEngine.class, "INSTANCE").get(null);
            if (engine == null) {
                return Optional.empty();
            }
            return begin(JsiiInternals.field(JsiiEngine.class, "runtime").get(engine));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** As {@link #begin()}, for {@code runtime} (a {@code JsiiRuntime}). */
    static Optional<JsiiStop> begin(Object runtime) throws ReflectiveOperationException {
        if (runtime == null) {
            return Optional.empty();
        }
        Class<?> type = runtime.getClass();
        Field input = JsiiInternals.field(type, "stdin");
        Field child = JsiiInternals.field(type, "childProcess");
        Field sink = JsiiInternals.field(type, "errorStreamSink");
        Method terminate = type.getDeclaredMethod("terminate");
        terminate.setAccessible(true);
        synchronized (runtime) { // jsii's terminate and start hold the runtime's lock
            Process node = (Process) child.get(runtime);
            Thread relay = (Thread) sink.get(runtime);
            Writer stdin = (Writer) input.get(runtime);
            if (node == null || relay == null || stdin == null) {
                return Optional.empty();
            }
            Method relayRest = relay.getClass().getDeclaredMethod("acceptData", boolean.class);
            relayRest.setAccessible(true);
            try {
                stdin.write("{\"exit\":0}\n");
                stdin.close();
            } catch (IOException e) {
                // node is gone already: finish() finds it ended
            } finally {
                input.set(runtime, null); // as jsii's terminate leaves it: nothing more is sent
            }
            return Optional.of(new JsiiStop(runtime, node, relay, relayRest, terminate));
        }
    }

    /**
     * Waits for node's exit (as long as jsii's own end would), relays the last of its console output and has jsii
     * release the rest. When node is still running then, or the relay thread cannot be woken, nothing more is done:
     * jsii's shutdown hook ends it, as without this class. (Waiting for node's process to be gone costs nothing extra:
     * the JVM's own exit waits for its thread that reaps child processes anyway.)
     */
    public void finish() {
        try {
            if (!node.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return;
            }
            relay.interrupt(); // out of its sleep: the relay thread ends, leaving what it has not read in the pipe
            relay.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            if (relay.isAlive()) {
                return;
            }
            relayRest.invoke(relay, true); // to the end of node's output, as the relay thread itself ends
            terminate.invoke(runtime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // jsii's shutdown hook ends what is left, as without this class
        }
    }
}
