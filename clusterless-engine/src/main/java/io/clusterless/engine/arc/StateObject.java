package io.clusterless.engine.arc;

import io.clusterless.arcstate.ArcState;
import io.clusterless.engine.store.ObjectInfo;

/**
 * One {@code <state>.arc} object of a lot, as listed or read.
 *
 * @param state the state its file name says
 * @param info  key, ETag and last-modified time
 * @param body  its history, or null when only listed
 */
record StateObject(ArcState state, ObjectInfo info, StateBody body) {
    StateObject withBody(ObjectInfo info, StateBody body) {
        return new StateObject(state, info, body);
    }

    /** ETags compared without the quotes some servers add and others drop. */
    boolean hasEtag(String etag) {
        return etag != null && info.etag() != null && unquote(info.etag()).equals(unquote(etag));
    }

    static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

    /** The stand-in token of a state object written without one (by another tool): its ETag. */
    static String etagToken(String etag) {
        return "etag-" + unquote(etag);
    }
}
