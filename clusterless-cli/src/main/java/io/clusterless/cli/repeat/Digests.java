package io.clusterless.cli.repeat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/** SHA-256 ({@link Sha256}) of files and of length-prefixed fields (no two different field lists hash alike). */
final class Digests {
    private final Sha256 digest = new Sha256();

    /** Adds one field: its length, then its bytes. */
    Digests add(String field) {
        byte[] bytes = (field == null ? "\u0000null" : field).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String file(Path file) throws IOException {
        Sha256 digest = new Sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
