package io.clusterless.substrate.aws.jsii;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiModule;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The user cache's copies of jsii module tarballs: one per jar and module, whole, the user's own. */
class ModuleTarballsTest {
    @TempDir
    Path temp;

    private final JsiiModule constructs = new software.constructs.$Module();

    @Test
    void aTarball_isCopiedOnce_whole_andReadableByTheUserOnly() throws IOException {
        ModuleTarballs tarballs = new ModuleTarballs(temp);

        Path copy = tarballs.tarball(constructs).orElseThrow();

        assertThat(Files.readAllBytes(copy)).isEqualTo(resource(constructs));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tarballs.dir()))).isEqualTo("rwx------");
        FileTime written = Files.getLastModifiedTime(copy);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(1_000));
        assertThat(tarballs.tarball(constructs)).contains(copy);
        assertThat(Files.getLastModifiedTime(copy)).as("touched when used again, so pruning keeps it")
                .isGreaterThanOrEqualTo(written);
        assertThat(list(tarballs.dir())).containsExactly(copy);
    }

    @Test
    void twoFirstRunsAtOnce_bothGetTheWholeTarball_andLeaveNothingElse() throws Exception {
        ModuleTarballs first = new ModuleTarballs(temp);
        ModuleTarballs second = new ModuleTarballs(temp);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Optional<Path>>> results = new ArrayList<>();
            for (ModuleTarballs tarballs : List.of(first, second)) {
                Callable<Optional<Path>> task = () -> {
                    start.await();
                    return tarballs.tarball(constructs);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            Path one = results.get(0).get().orElseThrow();
            Path two = results.get(1).get().orElseThrow();

            assertThat(one).isEqualTo(two);
            assertThat(Files.readAllBytes(one)).isEqualTo(resource(constructs));
            assertThat(list(temp.resolve("jsii-modules"))).containsExactly(one);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anotherJar_orTheSameJarChanged_getsACopyOfItsOwn() throws IOException {
        Path jar = Files.write(temp.resolve("a.jar"), new byte[]{1, 2, 3});
        String key = ModuleTarballs.key(jar, "m", "1.0.0", "m@1.0.0.jsii.tgz").orElseThrow();

        assertThat(ModuleTarballs.key(jar, "m", "1.0.0", "m@1.0.0.jsii.tgz")).contains(key);
        Path other = Files.copy(jar, temp.resolve("b.jar"));
        assertThat(ModuleTarballs.key(other, "m", "1.0.0", "m@1.0.0.jsii.tgz")).isPresent().isNotEqualTo(Optional.of(key));
        assertThat(ModuleTarballs.key(jar, "m", "1.0.1", "m@1.0.0.jsii.tgz")).isPresent().isNotEqualTo(Optional.of(key));
        assertThat(ModuleTarballs.key(jar, "n", "1.0.0", "m@1.0.0.jsii.tgz")).isPresent().isNotEqualTo(Optional.of(key));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1));
        assertThat(ModuleTarballs.key(jar, "m", "1.0.0", "m@1.0.0.jsii.tgz")).as("modified").isPresent()
                .isNotEqualTo(Optional.of(key));
        Files.write(jar, new byte[]{1, 2, 3, 4});
        assertThat(ModuleTarballs.key(jar, "m", "1.0.0", "m@1.0.0.jsii.tgz")).as("rewritten").isPresent()
                .isNotEqualTo(Optional.of(key));
        assertThat(ModuleTarballs.key(temp, "m", "1.0.0", "m@1.0.0.jsii.tgz")).as("classes in a folder").isEmpty();
    }

    @Test
    void aFolderOthersMayWrite_isNeverRead() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("jsii-modules"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThat(new ModuleTarballs(temp).tarball(constructs)).isEmpty();
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void anotherUsersFolder_isNeverRead() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("jsii-modules"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        UserPrincipal other;
        try {
            other = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(dir, other);
        } catch (IOException e) {
            other = null; // only root may give a folder away
        }
        assumeThat(other).as("this test needs root, to give the folder to nobody").isNotNull();

        assertThat(new ModuleTarballs(temp).tarball(constructs)).isEmpty();
        assertThat(list(dir)).isEmpty();
    }

    @Test
    void aLink_inPlaceOfTheFolder_isNeverFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.createSymbolicLink(temp.resolve("jsii-modules"), elsewhere);

        assertThat(new ModuleTarballs(temp).tarball(constructs)).isEmpty();
        assertThat(list(elsewhere)).isEmpty();
    }

    private static byte[] resource(JsiiModule module) throws IOException {
        try (InputStream in = module.getModuleClass().getResourceAsStream(module.getBundleResourceName())) {
            return in.readAllBytes();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
