package io.clusterless.model.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a project file's text, refusing what cannot be a project file before any parser sees it. */
public final class ProjectText {
    /** Project files are kilobytes; a 200-arc project is about 100 KB. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private ProjectText() {
    }

    public static String read(String display, Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new ProblemException(Problem.of(display, "is a directory; give a project file (.json, .yaml, "
                        + ".yml or .jsonnet)"));
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new ProblemException(Problem.of(display, tooLarge()));
            }
            return decode(display, Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new ProblemException(Problem.of(display, "file does not exist; check the path given to -p"));
        } catch (IOException e) {
            throw new ProblemException(Problem.of(display, "cannot read file: " + e.getMessage()));
        }
    }

    public static String read(String display, InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(Problem.of(display, tooLarge()));
            }
            return decode(display, bytes);
        } catch (IOException e) {
            throw new ProblemException(Problem.of(display, "cannot read input: " + e.getMessage()));
        }
    }

    private static String tooLarge() {
        return "file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB, the limit for project files";
    }

    static String decode(String display, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new ProblemException(Problem.of(display, "not a text file: binary data (a NUL byte) at byte "
                        + i + "; project files are UTF-8 JSON, YAML or Jsonnet"));
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            if (text.isBlank()) {
                throw new ProblemException(Problem.of(display, "file is empty: expected a project object with "
                        + "\"project\" and \"placement\" (see `cls show model --model deployable`)"));
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(display, "not a text file: invalid UTF-8; project files are "
                    + "UTF-8 JSON, YAML or Jsonnet"));
        }
    }
}
