package io.clusterless.engine.boundary;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Object keys as S3 notifications carry them: form-URL-encoded ({@code red flower.jpg} arrives as {@code red+flower.jpg}). */
final class S3Keys {
    private S3Keys() {
    }

    /**
     * The key as stored. A key that is not valid form encoding (a stray {@code %}) is taken as it came: a notifier
     * that did not encode it is more likely than a key that can never be read.
     */
    static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }
}
