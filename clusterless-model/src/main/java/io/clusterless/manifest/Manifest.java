package io.clusterless.manifest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * The list of URIs that make up one lot of one dataset (reference §4.4). Readers ignore unknown fields because user
 * workloads add their own (e.g. {@code dataset}).
 *
 * @param state   required
 * @param comment free text, e.g. a summary of failed copies
 * @param lotId   the lot the URIs belong to
 * @param uriType what the URIs denote
 * @param uris    never null; empty for {@link ManifestState#empty}
 */
@JsonPropertyOrder({"state", "comment", "lotId", "uriType", "uris"})
public record Manifest(ManifestState state, String comment, String lotId, UriType uriType, List<String> uris) {
    public Manifest {
        Objects.requireNonNull(state, "manifest state is required");
        uris = uris == null ? List.of() : List.copyOf(uris);
    }

    public static Manifest complete(String lotId, UriType uriType, List<String> uris) {
        return new Manifest(ManifestState.complete, null, lotId, uriType, uris);
    }

    /** A lot in which nothing arrived; announced like any other so subscribers and gap reports see it. */
    public static Manifest empty(String lotId) {
        return new Manifest(ManifestState.empty, null, lotId, UriType.identifier, List.of());
    }

    public static Manifest partial(String lotId, UriType uriType, List<String> uris, String comment) {
        return new Manifest(ManifestState.partial, comment, lotId, uriType, uris);
    }
}
