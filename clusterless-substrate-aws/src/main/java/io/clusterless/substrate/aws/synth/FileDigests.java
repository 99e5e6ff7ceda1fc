package io.clusterless.substrate.aws.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests of large files (the 11 MB Lambda jar) computed once per file version, not per synth: the digest is
 * remembered under the cache, named for the file's path, size, modification time and inode. A rebuilt jar has a new
 * modification time (and usually inode), so it is hashed again.
 */
public final class FileDigests {
    private final Path memo;

    public FileDigests(Path cacheRoot) {
        this.memo = cacheRoot.resolve("digests");
    }

    public String sha256(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        String identity = absolute + "\n" + attributes.size() + "\n" + attributes.lastModifiedTime().toMillis() + "\n"
                + attributes.fileKey();
        Path remembered = memo.resolve(sha256(identity.getBytes(StandardCharsets.UTF_8)));
        if (Files.isRegularFile(remembered)) {
            String digest = Files.readString(remembered, StandardCharsets.UTF_8).strip();
            if (digest.matches("[0-9a-f]{64}")) {
                return digest;
            }
        }
        String digest = hash(absolute);
        Files.createDirectories(memo);
        Path temp = Files.createTempFile(memo, "digest-", ".tmp");
        Files.writeString(temp, digest, StandardCharsets.UTF_8);
        Files.move(temp, remembered, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return digest;
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
