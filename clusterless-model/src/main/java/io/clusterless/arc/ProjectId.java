package io.clusterless.arc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The identity of a deployed project version.
 *
 * @param name    as declared, not hyphenated
 * @param version as declared
 */
@JsonPropertyOrder({"name", "version"})
public record ProjectId(String name, String version) {
    /** {@code name/version}, the project's identity string. */
    public String id() {
        return name + "/" + version;
    }

    @Override
    public String toString() {
        return id();
    }
}
