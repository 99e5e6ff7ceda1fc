package io.clusterless.local.run;

import io.clusterless.engine.location.S3Location;
import io.clusterless.local.store.FileObjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Copies a folder of files into a local placement's object URI, dated {@code modified}: how sample data and scenario
 * ingress objects arrive. A file already there with the same bytes is left alone, so running the same command twice
 * processes nothing twice.
 */
public final class LocalPut {
    private LocalPut() {
    }

    /** @return how many files were written */
    public static int copy(Path source, String targetUri, FileObjectStore store, Instant modified) {
        S3Location target = S3Location.parse(targetUri.endsWith("/") ? targetUri : targetUri + "/");
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("--put: " + source + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + source, e);
        }
        int written = 0;
        for (Path file : files) {
            String relative = source.relativize(file).toString().replace('\\', '/');
            written += put(file, target.bucket(), target.prefix() + relative, store, modified) ? 1 : 0;
        }
        return written;
    }

    /** Writes one object dated {@code modified}, unless the same bytes are there already. */
    public static boolean put(Path file, String bucket, String key, FileObjectStore store, Instant modified) {
        try {
            return put(Files.readAllBytes(file), bucket, key, store, modified);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static boolean put(byte[] body, String bucket, String key, FileObjectStore store, Instant modified) {
        Optional<byte[]> existing = store.get(bucket, key).map(object -> object.body());
        if (existing.isPresent() && Arrays.equals(existing.get(), body)) {
            return false;
        }
        store.put(bucket, key, body, null);
        try {
            Files.setLastModifiedTime(store.file(bucket, key), FileTime.from(modified));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot date " + store.file(bucket, key), e);
        }
        return true;
    }
}
