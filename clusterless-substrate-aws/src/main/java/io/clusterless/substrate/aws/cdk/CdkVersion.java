package io.clusterless.substrate.aws.cdk;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CDK CLI version as {@code cdk --version} prints it ({@code 2.1148.1 (build 3d3f5f1)}). Since the CLI left the
 * library's release train its 2.x versions count up from 2.1000; the npm {@code latest} tag has pointed at an old
 * {@code 3.0.0} build that rejects today's cloud assemblies, so "newer" alone does not mean compatible.
 */
public record CdkVersion(int major, int minor, int patch) implements Comparable<CdkVersion> {
    /** The CLI this build is tested with and installs on first use. */
    public static final CdkVersion PINNED = new CdkVersion(2, 1148, 1);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    public static Optional<CdkVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new CdkVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3))));
    }

    /** Reads the assemblies we synthesize: a 2.x CLI at least as new as the pinned one. */
    public boolean isCompatible() {
        return major == PINNED.major && compareTo(PINNED) >= 0;
    }

    @Override
    public int compareTo(CdkVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
