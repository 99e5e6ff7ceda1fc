package io.clusterless.model.core.arc.probe;

import io.clusterless.model.core.arc.s3copy.S3CopyArc;

/** A test arc type, declared the way a new type is (see docs/adding-a-component.md): a copy arc's settings. */
public class ProbeArc extends S3CopyArc {
    public static final String TYPE = "test:core:probeArc";
}
