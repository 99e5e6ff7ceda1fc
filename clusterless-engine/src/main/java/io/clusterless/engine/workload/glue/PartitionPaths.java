package io.clusterless.engine.workload.glue;

import io.clusterless.engine.location.S3Location;
import io.clusterless.engine.location.S3ObjectId;
import io.clusterless.engine.workload.WorkloadException;
import io.clusterless.manifest.Manifest;
import io.clusterless.manifest.UriType;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsProps.PartitionType;
import io.clusterless.model.core.arc.gluepartitions.GlueAddPartitionsProps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the partitions of a lot from the paths of its objects (reference §5.5): each object's directory relative
 * to the source dataset is one partition (the file name is dropped unless the manifest lists {@code path} URIs),
 * each directory segment one partition value: the text after the delimiter for {@code named} partitions
 * ({@code year=2023} → {@code 2023}), the whole segment for {@code value} partitions. Objects directly under the
 * dataset belong to no partition and are left out.
 */
final class PartitionPaths {
    /** A directory of the lot and the partition it stands for; {@code problem} is set when it is not one. */
    record Candidate(String directory, List<String> values, String location, String problem) {
        boolean valid() {
            return problem == null;
        }
    }

    private PartitionPaths() {
    }

    /** The lot's distinct partition directories, in manifest order. */
    static List<Candidate> of(Manifest incoming, String manifestUri, S3Location source, GlueAddPartitionsProps props) {
        boolean paths = incoming.uriType() == UriType.path;
        Map<String, Candidate> byDirectory = new LinkedHashMap<>();
        for (String uri : incoming.uris()) {
            S3ObjectId object;
            try {
                object = S3ObjectId.parse(uri);
            } catch (IllegalArgumentException e) {
                throw new WorkloadException("incoming manifest " + manifestUri + " lists " + uri
                        + ", which is not an s3:// location", e);
            }
            if (!source.contains(object)) {
                throw new WorkloadException("incoming manifest " + manifestUri + " lists " + uri
                        + ", which is not under the source dataset's pathURI " + source
                        + "; partitions are read from the path below it");
            }
            String relative = trimSlashes(object.key().substring(source.prefix().length()).replaceAll("/{2,}", "/"));
            String directory = paths ? relative : parent(relative);
            if (!directory.isEmpty()) {
                byDirectory.computeIfAbsent(directory, dir -> candidate(dir, source, props));
            }
        }
        return List.copyOf(byDirectory.values());
    }

    private static Candidate candidate(String directory, S3Location source, GlueAddPartitionsProps props) {
        String delimiter = props.getNamedPartitionDelimiter() == null || props.getNamedPartitionDelimiter().isEmpty()
                ? "=" : props.getNamedPartitionDelimiter();
        List<String> values = new ArrayList<>();
        for (String segment : directory.split("/")) {
            if (props.getPartitionType() == PartitionType.value) {
                values.add(segment);
                continue;
            }
            int at = segment.indexOf(delimiter);
            if (at < 0) {
                return new Candidate(directory, List.of(), null, "segment '" + segment + "' of " + directory
                        + " has no '" + delimiter + "', but partitionType is named (key" + delimiter + "value)");
            }
            values.add(segment.substring(at + delimiter.length()));
        }
        return new Candidate(directory, values, source + directory + "/", null);
    }

    private static String parent(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    private static String trimSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}
