package io.clusterless.runtime.bench;

import io.clusterless.engine.boundary.BoundaryProps;
import io.clusterless.json.Json;
import io.clusterless.lot.LotUnit;
import io.clusterless.model.SinkDataset;
import io.clusterless.model.core.boundary.s3put.LotSource;
import io.clusterless.runtime.aws.AwsJsonClient;
import io.clusterless.runtime.boundary.InfrequentBoundaryHandler;
import io.clusterless.runtime.testing.MotoServer;
import io.clusterless.runtime.testing.S3ProxyServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start and warm latency of the infrequent boundary handler, run as Lambda would run it: a fresh JVM on the
 * shaded Lambda jar ({@code Invoke}), with S3 served by s3proxy and the arc bus by moto_server, both on loopback.
 * <pre>java -cp TEST_CLASSPATH io.clusterless.runtime.bench.LambdaBench LAMBDA_JAR [EVENTS] [RUNS]</pre>
 * Prints the child JVM's timings for each run, once plainly and once with an application class-data archive
 * (AppCDS, trained by a first run): the local stand-in for a SnapStart restore, which also starts with the classes
 * loaded. See bench/lambda-cold-start.sh.
 */
public final class LambdaBench {
    private LambdaBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 201;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        MotoServer moto = MotoServer.get();
        Path archive = Files.createTempDirectory("bench-cds").resolve("lambda.jsa");
        try (S3ProxyServer s3 = S3ProxyServer.start()) {
            for (int run = 0; run <= 2 * runs; run++) {
                // fresh buckets and bus per run: every run writes new manifests
                String data = "bench-data-" + run;
                String manifests = "bench-manifests-" + run;
                String bus = "bench-bus-" + run;
                s3.bucket(data).bucket(manifests);
                new AwsJsonClient(moto.clients(), "events", "AWSEvents", "1.1")
                        .call("CreateEventBus", Json.records().createObjectNode().put("Name", bus));
                Path dir = Files.createTempDirectory("bench-events");
                Instant start = Instant.parse("2023-01-01T00:00:00Z");
                for (int i = 0; i < events; i++) {
                    String key = String.format("ingress/part-%05d.json", i);
                    s3.store().put(data, key, ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                            "application/json");
                    // one object per 5-minute lot: every invocation makes a new manifest, as in production
                    Files.writeString(dir.resolve(String.format("%05d.json", i)),
                            event(start.plusSeconds(300L * i), data, key));
                }
                BoundaryProps props = BoundaryProps.builder().lotUnit(LotUnit.TWELFTHS)
                        .dataset(new SinkDataset("bench", "1", "s3://" + data + "/ingress/"))
                        .manifestBucket(manifests).eventBusName(bus).lotSource(LotSource.eventTime).build();
                Map<String, String> environment = new HashMap<>(moto.environment());
                environment.put("AWS_ENDPOINT_URL_S3", s3.endpoint().toString());
                environment.put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
                environment.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
                environment.put(InfrequentBoundaryHandler.PROPS_VARIABLE, props.toJson());
                if (run == 0) {
                    invoke(jar, dir, events, environment, "-XX:ArchiveClassesAtExit=" + archive);
                    continue;
                }
                boolean cds = run % 2 == 0;
                System.out.println("run " + (run + 1) / 2 + (cds ? " (AppCDS)" : " (plain)") + ":");
                System.out.print(invoke(jar, dir, events, environment,
                        cds ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto"));
            }
        }
        System.out.println("lambda jar: " + Files.size(jar) + " bytes");
        System.exit(0);
    }

    /** The child JVM is started with the flags the Lambda Java runtime uses (C1 only). */
    private static String invoke(Path jar, Path events, int count, Map<String, String> environment,
                                 String shareOption) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                shareOption, "-cp", jar.toString(), "io.clusterless.runtime.lambda.Invoke",
                InfrequentBoundaryHandler.class.getName(), events.toString(), String.valueOf(count)));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Path log = Files.createTempFile("bench", ".log");
        builder.redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        int exit = builder.start().waitFor();
        String timings = Files.readString(log);
        if (exit != 0) {
            throw new IllegalStateException("handler failed (exit " + exit + "):\n" + timings);
        }
        StringBuilder lines = new StringBuilder();
        for (String line : timings.split("\\R")) {
            if (line.contains(" ms") || line.startsWith("warm") || line.startsWith("cold")) {
                lines.append("  ").append(line).append('\n');
            }
        }
        return lines.toString();
    }

    private static String event(Instant time, String bucket, String key) {
        return """
                {"version": "0", "id": "bench", "detail-type": "Object Created", "source": "aws.s3",
                 "account": "123456789012", "time": "%s", "region": "us-east-1",
                 "detail": {"version": "0", "bucket": {"name": "%s"}, "object": {"key": "%s", "size": 8}}}
                """.formatted(time, bucket, key);
    }
}
