package io.clusterless.model.validate;

import io.clusterless.naming.BucketNames;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of the dataset location URIs a project declares. */
final class Locations {
    private static final Pattern S3 = Pattern.compile("s3://([^/]*)(/.*)?");
    private static final Pattern GLUE = Pattern.compile("glue://([^/]*)/([^/]+)/([^/]+)/?");

    private Locations() {
    }

    /** Why {@code uri} is not an {@code s3://bucket/prefix} location, or null. */
    static String s3Problem(String uri) {
        Matcher matcher = S3.matcher(uri);
        if (!matcher.matches()) {
            return "\"" + uri + "\" is not an S3 location; write s3://bucket/prefix/";
        }
        String bucketProblem = BucketNames.problem(matcher.group(1));
        if (bucketProblem != null) {
            return "\"" + uri + "\": " + bucketProblem;
        }
        return null;
    }

    /** Why {@code uri} is not a {@code glue://[catalog]/database/table} location, or null. */
    static String glueProblem(String uri) {
        if (!uri.startsWith("glue://")) {
            return null;
        }
        if (!GLUE.matcher(uri).matches()) {
            return "\"" + uri + "\" must name a database and a table: glue://[catalog]/database/table";
        }
        return null;
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
