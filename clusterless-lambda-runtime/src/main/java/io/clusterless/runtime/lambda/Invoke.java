package io.clusterless.runtime.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs a handler outside Lambda, as the Lambda runtime would: construct once, then invoke with an event file,
 * optionally many times. Prints the output of the first invocation and, on stderr, timings: JVM start to handler
 * constructed, the first (cold) invocation, and the median of the warm ones. EVENT may be a directory: its files
 * are the events, invoked in name order (cycled when N is larger).
 * <pre>java -cp clusterless-lambda-runtime-*-lambda.jar io.clusterless.runtime.lambda.Invoke HANDLER_CLASS EVENT [N]</pre>
 */
public final class Invoke {
    private Invoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Invoke HANDLER_CLASS EVENT_FILE [INVOCATIONS]");
            System.exit(2);
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path eventPath = Path.of(args[1]);
        List<byte[]> events = new ArrayList<>();
        if (Files.isDirectory(eventPath)) {
            try (Stream<Path> files = Files.list(eventPath)) {
                for (Path file : files.sorted().toList()) {
                    events.add(Files.readAllBytes(file));
                }
            }
        } else {
            events.add(Files.readAllBytes(eventPath));
        }
        int invocations = args.length > 2 ? Integer.parseInt(args[2]) : events.size();

        long constructStart = System.nanoTime();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                .newInstance();
        long constructed = System.currentTimeMillis();
        long constructNanos = System.nanoTime() - constructStart;

        long[] nanos = new long[invocations];
        String firstOutput = null;
        for (int i = 0; i < invocations; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(events.get(i % events.size())), out, null);
            nanos[i] = System.nanoTime() - start;
            if (i == 0) {
                firstOutput = out.toString(StandardCharsets.UTF_8);
            }
        }
        long firstDone = System.currentTimeMillis();
        System.out.println(firstOutput);
        System.err.printf("jvm start -> handler constructed: %d ms (constructor %.1f ms)%n", constructed - jvmStart,
                constructNanos / 1e6);
        System.err.printf("cold invocation: %.1f ms; jvm start -> first event handled: %d ms%n", nanos[0] / 1e6,
                constructed - jvmStart + nanos[0] / 1_000_000);
        if (invocations > 1) {
            long[] warm = Arrays.copyOfRange(nanos, 1, invocations);
            Arrays.sort(warm);
            System.err.printf("warm invocations: %d, p50 %.2f ms, p90 %.2f ms, max %.2f ms%n", warm.length,
                    warm[warm.length / 2] / 1e6, warm[(int) (warm.length * 0.9)] / 1e6, warm[warm.length - 1] / 1e6);
        }
        System.err.printf("total wall: %d ms%n", firstDone - jvmStart);
    }
}
