package io.clusterless.uri;

import java.util.Arrays;
import java.util.Optional;

/**
 * The records of the metadata store kept per name and version (reference §4.2), each laid out as the ordered
 * segments {@code <root>/name=<name>/version=<version>/<file>}. The name is a project's or a dataset's (the
 * {@link #subject}), stored as declared.
 */
public enum RecordKind {
    /** The deployed project model. */
    PROJECT("project", "projects", "project", "project.json"),
    /** The list of every metadata object a project version wrote, so destroy can remove them. */
    MATERIALS("materials", "materials", "project", "materials.json"),
    /** A project version's last deploy or destroy, written before the CDK CLI starts and completed after (ADR-0009). */
    DEPLOY("deploys", "deploys", "project", "deploy.json"),
    /** The owner record of a dataset, read to resolve sources owned by other projects. */
    DATASET("dataset", "datasets", "dataset", "dataset.json");

    private final String noun;
    private final String root;
    private final String subject;
    private final String file;

    RecordKind(String noun, String root, String subject, String file) {
        this.noun = noun;
        this.root = root;
        this.subject = subject;
        this.file = file;
    }

    /** What messages call a URI of this kind, as in "not a project URI". */
    String noun() {
        return noun;
    }

    /** The first segment of every key of this kind, e.g. {@code projects}. */
    public String root() {
        return root;
    }

    /** The object's name, e.g. {@code project.json}. */
    public String file() {
        return file;
    }

    /** The template variable of the name, e.g. {@code projectName}. */
    String nameVariable() {
        return subject + "Name";
    }

    /** The template variable of the version, e.g. {@code projectVersion}. */
    String versionVariable() {
        return subject + "Version";
    }

    /** The layout as messages show it, e.g. {@code [s3://bucket/]projects/name=<project>/version=<version>/project.json}. */
    public String layout() {
        return "[s3://bucket/]" + root + "/name=<" + subject + ">/version=<version>/" + file;
    }

    static Optional<RecordKind> ofRoot(String root) {
        return Arrays.stream(values()).filter(kind -> kind.root.equals(root)).findFirst();
    }
}
