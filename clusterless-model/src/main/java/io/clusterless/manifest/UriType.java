package io.clusterless.manifest;

/**
 * What the URIs of a manifest denote (ADR-0005, reference §4.5). Constants are lower case because they are written
 * verbatim to JSON.
 */
public enum UriType {
    /** Retrievable objects; no trailing '/'. */
    identifier,
    /** Locations in a hierarchy; trailing '/'. */
    path,
    /** Partial names that must be listed to resolve; no trailing '/'. */
    prefix
}
