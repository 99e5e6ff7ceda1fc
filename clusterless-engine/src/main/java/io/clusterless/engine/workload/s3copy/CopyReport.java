package io.clusterless.engine.workload.s3copy;

import io.clusterless.engine.location.S3ObjectId;

import java.util.List;

/**
 * What a batch of copies did.
 *
 * @param copied   targets written, in the order of the incoming manifest
 * @param failures copies that failed (not counting {@code denied}), in manifest order
 * @param denied   the first copy refused for lack of permission, or null
 * @param skipped  copies not attempted because the batch was stopped
 */
record CopyReport(List<S3ObjectId> copied, List<Failure> failures, Failure denied, int skipped) {
    record Failure(ObjectCopy copy, String reason) {
        @Override
        public String toString() {
            return reason;
        }
    }

    CopyReport {
        copied = List.copyOf(copied);
        failures = List.copyOf(failures);
    }
}
