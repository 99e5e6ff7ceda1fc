package io.clusterless.engine.workload.glue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Glue table as a sink {@code pathURI} names it: {@code glue://[catalog]/database/table}; the catalog (an account
 * id) only for cross-account tables, e.g. {@code glue:///logs/access}.
 *
 * @param catalogId null for the caller's account
 */
public record GlueTable(String catalogId, String database, String table) {
    private static final Pattern URI = Pattern.compile("glue://([^/]*)/([^/]+)/([^/]+)/?");

    /** @throws IllegalArgumentException unless {@code pathURI} is {@code glue://[catalog]/database/table} */
    public static GlueTable parse(String pathURI) {
        Matcher matcher = pathURI == null ? null : URI.matcher(pathURI);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("expected a Glue table glue://[catalog]/database/table, found: " + pathURI);
        }
        return new GlueTable(matcher.group(1).isEmpty() ? null : matcher.group(1), matcher.group(2), matcher.group(3));
    }

    /** {@code glue://[catalog]/database/table}, without a trailing {@code /}. */
    public String uri() {
        return "glue://" + (catalogId == null ? "" : catalogId) + "/" + database + "/" + table;
    }

    /** The URI of the partition at {@code relativeDirectory}: {@code glue://[catalog]/database/table/y=2023/m=01}. */
    public String partitionUri(String relativeDirectory) {
        return uri() + "/" + relativeDirectory;
    }

    @Override
    public String toString() {
        return uri();
    }
}
