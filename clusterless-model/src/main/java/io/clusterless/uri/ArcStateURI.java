package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.arcstate.ArcState;
import io.clusterless.lot.LotId;
import io.clusterless.naming.PlacementNames;

import java.util.Locale;
import java.util.Optional;

/**
 * The state object of one arc for one lot in the arc-state store (reference §4.3):
 * {@code arcs/project=<project>/version=<version>/arc=<arc>/lot=<lot>/<state>.arc}. Listing the lot's path answers
 * "what state is this lot in" without reading anything. Absent parts are {@code null}; the template form used in
 * arc state props is {@code …/arc=<arc>/lot={lot}/{state}.arc}.
 */
public record ArcStateURI(String bucket, String projectName, String projectVersion, String arcName, String lot,
                          ArcState state) implements StoreURI {
    static final String LAYOUT = "[s3://bucket/]arcs/project=<project>/version=<version>/arc=<arc>/lot=<lot>/<state>.arc";
    /**
     * Root of the end records of arc attempts (ADR-0003), beside {@code arcs/} so that listing a lot or an arc finds
     * state objects only: {@code arc-attempts/project=<p>/version=<v>/arc=<a>/lot=<lot>/attempt=<id>.json}.
     */
    public static final String ATTEMPTS_ROOT = "arc-attempts";
    /** Root of scheduled arcs' records (ADR-0013), beside {@code arcs/} for the same reason. */
    public static final String SCHEDULES_ROOT = "arc-schedules";
    /**
     * Root, in the manifest bucket, of the covered-manifests documents the start gate writes for each run of a
     * roll-up's lot (ADR-0012), which a Batch container reads: the workload may read them, never arc state.
     */
    public static final String INPUTS_ROOT = "arc-inputs";

    public ArcStateURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(projectName, "projectName");
        KeyLayout.checkValue(projectVersion, "projectVersion");
        KeyLayout.checkValue(arcName, "arcName");
        KeyLayout.checkValue(lot, "lot");
    }

    public static ArcStateURI of(String bucket) {
        return new ArcStateURI(bucket, null, null, null, null, null);
    }

    public static ArcStateURI of(PlacementNames placement) {
        return of(StoreKind.ARC_STATE.bucketName(placement));
    }

    /** The arc's state location with lot and state still open: what arc state props carry as a template. */
    public static ArcStateURI of(String bucket, String projectName, String projectVersion, String arcName) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, null, null);
    }

    public ArcStateURI withBucket(String bucket) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, lot, state);
    }

    public ArcStateURI withProjectName(String projectName) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, lot, state);
    }

    public ArcStateURI withProjectVersion(String projectVersion) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, lot, state);
    }

    public ArcStateURI withArcName(String arcName) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, lot, state);
    }

    public ArcStateURI withLot(String lot) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, lot, state);
    }

    public ArcStateURI withLot(LotId lot) {
        return withLot(lot == null ? null : lot.format());
    }

    public ArcStateURI withState(ArcState state) {
        return new ArcStateURI(bucket, projectName, projectVersion, arcName, lot, state);
    }

    /** Reads any rendering of this URI, including listed keys, whose state is taken from the file name only. */
    @JsonCreator
    public static ArcStateURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "arc state", LAYOUT);
        reader.literal("arcs");
        String project = reader.named("project");
        String version = reader.named("version");
        String arc = reader.named("arc");
        String lot = reader.named("lot");
        ArcState state = null;
        if (reader.hasNext()) {
            String file = reader.next();
            if (!file.endsWith(ArcState.EXTENSION)) {
                throw reader.error("found '" + file + "' where <state>.arc belongs");
            }
            String name = file.substring(0, file.length() - ArcState.EXTENSION.length());
            try {
                state = KeyReader.valueOrNull(name) == null ? null : ArcState.parse(name);
            } catch (IllegalArgumentException e) {
                throw reader.error(e.getMessage(), e);
            }
        }
        reader.end();
        return new ArcStateURI(reader.bucket(), project, version, arc, lot, state);
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.ARC_STATE;
    }

    @Override
    public KeyLayout layout() {
        return new KeyLayout(bucket, "arcs")
                .named("project", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .named("arc", arcName, "arcName")
                .named("lot", lot, "lot")
                .file(state == null ? null : state.fileName(), "{state}" + ArcState.EXTENSION, "state");
    }

    /**
     * The state a key listed under a lot's directory stands for, from the rest of the key after {@code lot=<lot>/}:
     * empty for deeper keys and for names that are no state ({@code running-x.arc}). The extension's case is ignored,
     * as {@link ArcState#parse} ignores it.
     */
    public static Optional<ArcState> stateOfListed(String nameInLot) {
        if (nameInLot.indexOf('/') >= 0 || !nameInLot.toLowerCase(Locale.ROOT).endsWith(ArcState.EXTENSION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ArcState.parse(nameInLot));
        } catch (IllegalArgumentException notAState) {
            return Optional.empty();
        }
    }

    /**
     * The key of one run's end record: {@code arc-attempts/project=<p>/version=<v>/arc=<a>/lot=<lot>/attempt=<id>.json}.
     *
     * @throws IllegalStateException    if project, version, arc or lot is absent
     * @throws IllegalArgumentException if the attempt could not be one key segment
     */
    public String attemptEndKey(String attempt) {
        String file = attemptFile(attempt); // first: a bad attempt is named even when the layout lacks a part
        return attemptsLayout().file(file).key();
    }

    /** The key prefix of the end records of this arc's (or lot's) attempts, e.g. {@code arc-attempts/project=p/…/arc=a/}. */
    public String attemptsKeyPath() {
        return attemptsLayout().keyPath();
    }

    /**
     * The key of a scheduled arc's floor, when its schedule was first placed or first fired (ADR-0013):
     * {@code arc-schedules/project=<p>/version=<v>/arc=<a>/since.json}.
     */
    public String scheduleSinceKey() {
        return arcLayout(SCHEDULES_ROOT).file("since.json").key();
    }

    /**
     * The key, in the manifest bucket, of one run's covered-manifests document (ADR-0012):
     * {@code arc-inputs/project=<p>/version=<v>/arc=<a>/lot=<lot>/attempt=<id>.json}.
     *
     * @throws IllegalStateException    if project, version, arc or lot is absent
     * @throws IllegalArgumentException if the attempt could not be one key segment
     */
    public String coveredManifestsKey(String attempt) {
        String file = attemptFile(attempt); // first: a bad attempt is named even when the layout lacks a part
        return inputsLayout().file(file).key();
    }

    /** The key prefix of this arc's (or lot's) covered-manifests documents, e.g. {@code arc-inputs/project=p/…/arc=a/}. */
    public String coveredManifestsKeyPath() {
        return inputsLayout().keyPath();
    }

    /** The file name of one attempt's document; an attempt is one key segment. */
    private static String attemptFile(String attempt) {
        if (attempt.indexOf('/') >= 0) {
            throw new IllegalArgumentException("arc attempt must not contain '/': " + attempt);
        }
        return "attempt=" + attempt + ".json";
    }

    /** This arc's keys under {@code root}: {@code <root>/project=<p>/version=<v>/arc=<a>/}. */
    private KeyLayout arcLayout(String root) {
        return new KeyLayout(null, root)
                .named("project", projectName, "projectName")
                .named("version", projectVersion, "projectVersion")
                .named("arc", arcName, "arcName");
    }

    private KeyLayout inputsLayout() {
        return arcLayout(INPUTS_ROOT).named("lot", lot, "lot");
    }

    private KeyLayout attemptsLayout() {
        return arcLayout(ATTEMPTS_ROOT).named("lot", lot, "lot");
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
