package io.clusterless.model.validate;

import io.clusterless.naming.BucketNames;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of the dataset location URIs a project declares. */
public final class Locations {
    private static final Pattern S3 = Pattern.compile("s3://([^/]*)(/.*)?");
    private static final Pattern GLUE = Pattern.compile("glue://([^/]*)/([^/]+)/([^/]+)/?");

    private Locations() {
    }

    /** Why {@code uri} is not an {@code s3://bucket/prefix} location, or null. */
    public static String s3Problem(String uri) {
        Matcher matcher = S3.matcher(uri);
        if (!matcher.matches()) {
            return Names.quote(uri) + " is not an S3 location; write s3://bucket/prefix/";
        }
        String bucketProblem = BucketNames.problem(matcher.group(1));
        if (bucketProblem != null) {
            return Names.quote(uri) + ": " + bucketProblem;
        }
        return keyProblem(uri, matcher.group(2));
    }

    /**
     * Why the key part of a location ({@code /prefix/...}) would not stay where it says, or null: local run maps it
     * onto folders under its root, where "." and ".." segments would climb out and empty segments collapse, and a
     * control character or backslash is no key anyone uploads to.
     */
    public static String keyProblem(String uri, String path) {
        if (path == null || path.equals("/")) {
            return null;
        }
        String key = path.substring(1);
        key = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Names.quote(uri) + " has an empty, \".\" or \"..\" segment; write the prefix without them, "
                        + "e.g. s3://bucket/prefix/";
            }
            if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
                return Names.quote(uri) + " holds a control character or backslash; write the prefix without them";
            }
        }
        return null;
    }

    /** Why {@code uri} is not a {@code glue://[catalog]/database/table} location, or null. */
    static String glueProblem(String uri) {
        if (!uri.startsWith("glue://")) {
            return null;
        }
        Matcher matcher = GLUE.matcher(uri);
        if (!matcher.matches()) {
            return Names.quote(uri) + " must name a database and a table: glue://[catalog]/database/table";
        }
        String problem = Names.glueProblem("Glue database", matcher.group(2));
        return problem != null ? problem : Names.glueProblem("Glue table", matcher.group(3));
    }

    static boolean isS3(String uri) {
        return uri.startsWith("s3://");
    }

    static boolean isGlue(String uri) {
        return uri.startsWith("glue://");
    }

    static String scheme(String uri) {
        int colon = uri.indexOf(':');
        return colon < 0 ? "(none)" : uri.substring(0, colon + 1) + "//";
    }
}
