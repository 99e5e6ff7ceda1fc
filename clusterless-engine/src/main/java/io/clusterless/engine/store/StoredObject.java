package io.clusterless.engine.store;

/** An object's bytes and what was known about it when they were read. */
public record StoredObject(ObjectInfo info, byte[] body) {
}
