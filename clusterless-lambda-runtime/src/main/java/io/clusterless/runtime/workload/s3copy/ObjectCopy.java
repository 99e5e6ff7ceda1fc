package io.clusterless.runtime.workload.s3copy;

import io.clusterless.runtime.location.S3ObjectId;

/** One server-side copy: a source object of the incoming lot and its place under the sink. */
record ObjectCopy(S3ObjectId source, S3ObjectId target) {
    @Override
    public String toString() {
        return source + " -> " + target;
    }
}
