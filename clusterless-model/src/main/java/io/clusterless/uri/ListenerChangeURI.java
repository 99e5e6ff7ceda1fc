package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One enable or disable of a listener (an arc's listener rule, a boundary's rule or schedule) in the metadata store:
 * {@code listeners/project=<project>/version=<version>/component=<name>/at=<yyyyMMdd'T'HHmmss.SSS'Z'>.json}. The
 * time sorts as text, so one listing of a component gives its history in order (ADR-0004). Absent parts are
 * {@code null}; {@code at} is the time as the key has it.
 */
public record ListenerChangeURI(String bucket, String projectName, String projectVersion, String component, String at)
        implements StoreURI {
    public static final String ROOT = "listeners";
    static final String LAYOUT = "[s3://bucket/]listeners/project=<project>/version=<version>/component=<name>/"
            + "at=<yyyyMMdd'T'HHmmss.SSS'Z'>.json";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String FILE_START = "at=";
    private static final String FILE_END = ".json";

    public ListenerChangeURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(projectName, "projectName");
        KeyLayout.checkValue(projectVersion, "projectVersion");
        KeyLayout.checkValue(component, "component");
        KeyLayout.checkValue(at, "at");
    }

    /** The changes of one listener, time open. */
    public static ListenerChangeURI of(String bucket, String projectName, String projectVersion, String component) {
        return new ListenerChangeURI(bucket, projectName, projectVersion, component, null);
    }

    public ListenerChangeURI withComponent(String component) {
        return new ListenerChangeURI(bucket, projectName, projectVersion, component, at);
    }

    public ListenerChangeURI withAt(Instant at) {
        return new ListenerChangeURI(bucket, projectName, projectVersion, component, AT.format(at));
    }

    /** Reads any rendering of this URI; see {@link StoreURI}. */
    @JsonCreator
    public static ListenerChangeURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "listener change", LAYOUT);
        reader.literal(ROOT);
        String project = reader.named("project");
        String version = reader.named("version");
        String component = reader.named("component");
        String at = null;
        if (reader.hasNext()) {
            String file = reader.next();
            if (!file.startsWith(FILE_START) || !file.endsWith(FILE_END)) {
                throw reader.error("found '" + file + "' where at=<time>.json belongs");
            }
            at = KeyReader.valueOrNull(file.substring(FILE_START.length(), file.length() - FILE_END.length()));
        }
        reader.end();
        return new ListenerChangeURI(reader.bucket(), project, version, component, at);
    }

    /** The change a listed key names, or empty for a key of another layout (written by another tool). */
    public static Optional<ListenerChangeURI> ofListed(String key) {
        try {
            ListenerChangeURI change = parse(key);
            return change.at() == null ? Optional.empty() : Optional.of(change);
        } catch (IllegalArgumentException notAChange) {
            return Optional.empty();
        }
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.METADATA;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, ROOT)
                .named("project", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .named("component", component, "component")
                .file(at == null ? null : FILE_START + at + FILE_END, FILE_START + "{at}" + FILE_END, "at");
    }

    @JsonValue
    @Override
    public String template() {
        return layout().template();
    }

    @Override
    public String toString() {
        return template();
    }
}
