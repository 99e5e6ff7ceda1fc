package io.clusterless.substrate.aws.deploys;

import io.clusterless.naming.PlacementNames;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Whether a placement is bootstrapped: its metadata bucket answers a HEAD (the bootstrap stack creates it). */
public final class Bootstrapped {
    private Bootstrapped() {
    }

    /** True when the bucket answers, false on a 404; any other S3 failure is thrown. */
    public static boolean check(S3Client s3, PlacementNames placement) {
        try {
            s3.headBucket(b -> b.bucket(placement.metadataBucket()));
            return true;
        } catch (NoSuchBucketException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
