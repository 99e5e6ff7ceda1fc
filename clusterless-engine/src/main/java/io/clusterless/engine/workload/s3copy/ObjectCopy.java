package io.clusterless.engine.workload.s3copy;

import io.clusterless.engine.location.S3ObjectId;

/** One server-side copy: a source object of the incoming lot and its place under the sink. */
record ObjectCopy(S3ObjectId source, S3ObjectId target) {
    @Override
    public String toString() {
        return source + " -> " + target;
    }
}
