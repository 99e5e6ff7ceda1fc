package io.clusterless.naming;

import java.util.List;
import java.util.regex.Pattern;

/** The S3 general-purpose bucket naming rules. */
public final class BucketNames {
    private static final Pattern CHARACTERS = Pattern.compile("[a-z0-9.-]+");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");

    private BucketNames() {
    }

    /** Why {@code name} is not a valid bucket name, or null when it is. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "bucket name is empty";
        }
        String quoted = "bucket name \"" + name + "\"";
        if (name.length() < 3 || name.length() > 63) {
            return quoted + " is " + name.length() + (name.length() == 1 ? " character" : " characters")
                    + " long; bucket names have 3 to 63";
        }
        if (!CHARACTERS.matcher(name).matches()) {
            return quoted + " may use only lower-case letters, digits, '.' and '-'";
        }
        if (!Character.isLetterOrDigit(name.charAt(0)) || !Character.isLetterOrDigit(name.charAt(name.length() - 1))) {
            return quoted + " must start and end with a letter or digit";
        }
        if (name.contains("..")) {
            return quoted + " must not contain two adjacent periods";
        }
        if (IP_ADDRESS.matcher(name).matches()) {
            return quoted + " must not look like an IP address";
        }
        for (String prefix : RESERVED_PREFIXES) {
            if (name.startsWith(prefix)) {
                return quoted + " must not start with the reserved prefix \"" + prefix + "\"";
            }
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return quoted + " must not end with the reserved suffix \"" + suffix + "\"";
            }
        }
        return null;
    }
}
