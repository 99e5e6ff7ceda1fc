package io.clusterless.engine.store;

import java.util.List;

/** One page of a listing; {@code nextToken} is null on the last page. */
public record ListPage(List<ObjectInfo> objects, String nextToken) {
    public ListPage {
        objects = List.copyOf(objects);
    }
}
