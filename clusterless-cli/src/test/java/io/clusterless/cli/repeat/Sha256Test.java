package io.clusterless.cli.repeat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The repeat path's own SHA-256 gives the JDK's digest for every length around the block and padding edges. */
class Sha256Test {
    @TempDir
    Path temp;

    @Test
    void everyLengthUpTo300Bytes_andAFewLargeOnes_matchTheJdk() throws Exception {
        Random random = new Random(21);
        for (int length = 0; length <= 300; length++) {
            assertSame(bytes(random, length));
        }
        for (int length : new int[]{1 << 16, (1 << 16) + 55, 3_000_001}) {
            assertSame(bytes(random, length));
        }
    }

    @Test
    void aFile_inPiecesOfTheReadBuffer_matchesTheJdk() throws Exception {
        byte[] bytes = bytes(new Random(7), 200_003);
        Path file = Files.write(temp.resolve("f"), bytes);
        assertThat(Digests.file(file)).isEqualTo(jdk(bytes));
    }

    @Test
    void theStandardsExample_abc() {
        Sha256 sha = new Sha256();
        sha.update("abc".getBytes());
        assertThat(HexFormat.of().formatHex(sha.digest()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static void assertSame(byte[] bytes) throws Exception {
        Sha256 whole = new Sha256();
        whole.update(bytes);
        Sha256 pieces = new Sha256();
        for (int i = 0; i < bytes.length; i += 13) {
            pieces.update(bytes, i, Math.min(13, bytes.length - i));
        }
        String expected = jdk(bytes);
        assertThat(HexFormat.of().formatHex(whole.digest())).as("length " + bytes.length).isEqualTo(expected);
        assertThat(HexFormat.of().formatHex(pieces.digest())).as("pieces, length " + bytes.length)
                .isEqualTo(expected);
    }

    private static String jdk(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
