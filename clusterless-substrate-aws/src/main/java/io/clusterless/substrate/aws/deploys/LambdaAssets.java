package io.clusterless.substrate.aws.deploys;

import io.clusterless.engine.ops.OperationException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the runtime's Lambda jar that every function deploys: {@code CLS_ASSETS_PATH} (the jar itself or a
 * directory holding it), else {@code assets/} next to the jar of this class or one level up: the CLI's build copies
 * it to {@code clusterless-cli/target/assets/}, beside {@code target/lib/} that holds this module's jar, and a
 * distribution has {@code lib/} and {@code assets/} side by side.
 */
public final class LambdaAssets {
    public static final String VARIABLE = "CLS_ASSETS_PATH";
    private static final String PREFIX = "clusterless-lambda-runtime-";
    private static final String SUFFIX = "-lambda.jar";

    private LambdaAssets() {
    }

    public static Path lambdaJar(Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        List<Path> places = places(environment);
        for (Path place : places) {
            Optional<Path> jar = find(place);
            if (jar.isPresent()) {
                return jar.get();
            }
        }
        throw new OperationException("the Lambda runtime jar (" + PREFIX + "*" + SUFFIX + ") is not in "
                + (places.isEmpty() ? "any known place" : places.toString())
                + "; build with ./mvnw package -pl clusterless-cli -am, or set " + VARIABLE + " to the jar");
    }

    /**
     * The folders the jar is looked for in, in order (the first holding one wins): {@code CLS_ASSETS_PATH} when it
     * is set and not the jar itself, else {@code assets} beside the CLI's jar and one folder up.
     */
    public static List<Path> places(Map<String, String> environment) {
        List<Path> places = new ArrayList<>();
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            places.add(Path.of(configured));
        } else {
            cliJarDir().ifPresent(dir -> {
                places.add(dir.resolve("assets"));
                if (dir.getParent() != null) {
                    places.add(dir.getParent().resolve("assets"));
                }
            });
        }
        return places;
    }

    private static Optional<Path> find(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().reduce((first, second) -> second).map(Path::toAbsolutePath);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> cliJarDir() {
        try {
            Path location = Path.of(LambdaAssets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(location.getParent());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
