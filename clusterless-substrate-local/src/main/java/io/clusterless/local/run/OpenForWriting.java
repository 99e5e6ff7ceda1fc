package io.clusterless.local.run;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of some files a process has open for writing: a file a {@code cp} or an upload to the local S3 endpoint is
 * still writing is not an arrival yet, however long the writer pauses. Read from Linux's {@code /proc} (every open
 * descriptor of every process this user may inspect, with its open flags); elsewhere nothing is known to be open, and
 * only the settling time protects a file being written.
 */
final class OpenForWriting {
    private static final Path PROC = Path.of("/proc");
    private static final Pattern FLAGS = Pattern.compile("(?m)^flags:\\s*([0-7]+)$");
    /** O_WRONLY | O_RDWR. */
    private static final int WRITING = 0b11;

    private OpenForWriting() {
    }

    /** Of {@code files} (real paths), those some process has open for writing. */
    static Set<Path> among(Set<Path> files) {
        Set<Path> open = new HashSet<>();
        if (files.isEmpty() || !Files.isDirectory(PROC.resolve("self").resolve("fd"))) {
            return open;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, OpenForWriting::isProcess)) {
            for (Path process : processes) {
                scan(process, files, open);
            }
        } catch (IOException e) {
            // /proc unreadable: nothing known
        }
        return open;
    }

    private static boolean isProcess(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static void scan(Path process, Set<Path> files, Set<Path> open) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                Path target;
                try {
                    target = Files.readSymbolicLink(descriptor);
                } catch (IOException | UnsupportedOperationException gone) {
                    continue;
                }
                if (files.contains(target) && writing(process.resolve("fdinfo").resolve(descriptor.getFileName()))) {
                    open.add(target);
                }
            }
        } catch (IOException e) {
            // the process ended, or is another user's
        }
    }

    private static boolean writing(Path fdinfo) {
        try {
            Matcher flags = FLAGS.matcher(Files.readString(fdinfo));
            return flags.find() && (Integer.parseInt(flags.group(1), 8) & WRITING) != 0;
        } catch (IOException | RuntimeException e) {
            return false; // closed since
        }
    }
}
