package io.clusterless.uri;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clusterless.lot.LotId;
import io.clusterless.manifest.ManifestState;
import io.clusterless.model.DatasetRef;
import io.clusterless.naming.PlacementNames;

import java.util.Optional;

/**
 * The manifest of one lot of one dataset in the manifest store (reference §4.4):
 * {@code datasets/name=<dataset>/version=<version>/lot=<lot>/state=<state>[/attempt=<id>]/manifest.json}.
 * Partial and removed manifests sit under an attempt so retries never overwrite each other; the template form is
 * {@code …/lot={lot}/state={state}{/attempt*}/manifest.json}. A {@code complete} or {@code empty} manifest is the
 * lot's current one at its single key; one under an attempt is a <em>superseded</em> manifest, kept there when
 * {@code cls exec --replay} re-ran the lot (docs/adr/0006-replay.md). Absent parts are {@code null}.
 */
public record ManifestURI(String bucket, String datasetName, String datasetVersion, String lot, ManifestState state,
                          String attempt) implements StoreURI {
    static final String LAYOUT =
            "[s3://bucket/]datasets/name=<dataset>/version=<version>/lot=<lot>/state=<state>[/attempt=<id>]/manifest.json";
    /** The name of every manifest object. */
    public static final String FILE = "manifest.json";
    private static final String STATE_KEY = "state=";

    public ManifestURI {
        KeyLayout.checkValue(bucket, "bucket");
        KeyLayout.checkValue(datasetName, "datasetName");
        KeyLayout.checkValue(datasetVersion, "datasetVersion");
        KeyLayout.checkValue(lot, "lot");
        KeyLayout.checkValue(attempt, "attempt");
    }

    public static ManifestURI of(String bucket) {
        return new ManifestURI(bucket, null, null, null, null, null);
    }

    public static ManifestURI of(PlacementNames placement) {
        return of(StoreKind.MANIFEST.bucketName(placement));
    }

    /** The dataset's manifests with lot and state still open: the template sink manifests are written from. */
    public static ManifestURI of(String bucket, DatasetRef dataset) {
        return new ManifestURI(bucket, dataset.getName(), dataset.getVersion(), null, null, null);
    }

    /**
     * The dataset's manifests with lot and state still open, from its id {@code name/version}
     * ({@link DatasetRef#id()}), as reports and events carry it.
     *
     * @throws IllegalArgumentException if the id is not {@code name/version}
     */
    public static ManifestURI ofDatasetId(String bucket, String datasetId) {
        int slash = datasetId.lastIndexOf('/');
        if (slash <= 0 || slash == datasetId.length() - 1) {
            throw new IllegalArgumentException("a dataset id is name/version, found: " + datasetId);
        }
        return new ManifestURI(bucket, datasetId.substring(0, slash), datasetId.substring(slash + 1), null, null, null);
    }

    public ManifestURI withBucket(String bucket) {
        return new ManifestURI(bucket, datasetName, datasetVersion, lot, state, attempt);
    }

    public ManifestURI withDatasetName(String datasetName) {
        return new ManifestURI(bucket, datasetName, datasetVersion, lot, state, attempt);
    }

    public ManifestURI withDatasetVersion(String datasetVersion) {
        return new ManifestURI(bucket, datasetName, datasetVersion, lot, state, attempt);
    }

    public ManifestURI withLot(String lot) {
        return new ManifestURI(bucket, datasetName, datasetVersion, lot, state, attempt);
    }

    public ManifestURI withLot(LotId lot) {
        return withLot(lot == null ? null : lot.format());
    }

    public ManifestURI withState(ManifestState state) {
        return new ManifestURI(bucket, datasetName, datasetVersion, lot, state, attempt);
    }

    public ManifestURI withAttempt(String attempt) {
        return new ManifestURI(bucket, datasetName, datasetVersion, lot, state, attempt);
    }

    /**
     * Whether this is a final ({@code complete} or {@code empty}) manifest kept under an attempt: the output of an
     * earlier run that a replay superseded. It no longer stands for the lot.
     */
    public boolean superseded() {
        return state != null && !state.hasAttempt() && attempt != null;
    }

    /** Whether this is the lot's current final manifest: {@code complete} or {@code empty}, at its single key. */
    public boolean currentFinal() {
        return state != null && !state.hasAttempt() && attempt == null;
    }

    /**
     * Reads any rendering of this URI. An attempt written by a generic RFC 6570 expander with a plain string value
     * ({@code …/state=partial/<id>/manifest.json}) is read as that attempt too.
     */
    @JsonCreator
    public static ManifestURI parse(String text) {
        KeyReader reader = KeyReader.read(text, "manifest", LAYOUT);
        reader.literal("datasets");
        String name = reader.named("name");
        String version = reader.named("version");
        String lot = reader.named("lot");
        ManifestState state = null;
        if (reader.hasNext()) {
            String value = reader.named("state");
            try {
                state = value == null ? null : ManifestState.parse(value);
            } catch (IllegalArgumentException e) {
                throw reader.error(e.getMessage(), e);
            }
        }
        String attempt = null;
        if (reader.hasNext() && !FILE.equals(reader.peek())) {
            String segment = reader.next();
            boolean named = segment.startsWith("attempt=");
            if (!named && !FILE.equals(reader.peek())) {
                throw reader.error("found '" + segment + "' where attempt=<id> or " + FILE + " belongs");
            }
            attempt = KeyReader.valueOrNull(named ? segment.substring("attempt=".length()) : segment);
        }
        reader.file(FILE);
        reader.end();
        try {
            return new ManifestURI(reader.bucket(), name, version, lot, state, attempt);
        } catch (IllegalArgumentException e) {
            throw reader.error(e.getMessage(), e);
        }
    }

    /**
     * The state of the manifest a key below a lot's directory names, from the rest of the key after
     * {@code lot=<lot>/} ({@code state=<state>[/attempt=<id>]/manifest.json}); empty for the boundary's records beside
     * it and unknown states. Status reads it for every listed key, so it only looks at the text around the state.
     */
    public static Optional<ManifestState> stateOfListed(String nameInLot) {
        if (!nameInLot.startsWith(STATE_KEY) || !nameInLot.endsWith("/" + FILE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestState.parse(nameInLot.substring(STATE_KEY.length(), nameInLot.indexOf('/'))));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Whether a manifest key below a lot's directory (see {@link #stateOfListed}) sits under an attempt. */
    public static boolean underAttempt(String nameInLot) {
        return nameInLot.indexOf('/') != nameInLot.lastIndexOf('/');
    }

    @Override
    public StoreKind storeKind() {
        return StoreKind.MANIFEST;
    }

    @Override
    public KeyLayout layout() {
        KeyLayout layout = new KeyLayout(bucket, "datasets")
                .named("name", datasetName, "datasetName")
                .named("version", datasetVersion, "datasetVersion")
                .named("lot", lot, "lot")
                .named("state", state == null ? null : state.name(), "state");
        // A known state without attempts has no attempt segment at all, not even in templates, unless it was
        // superseded (a replay keeps the earlier final manifest under the attempt that wrote it).
        if (state == null || state.hasAttempt() || attempt != null) {
            layout.optional("attempt", attempt, "attempt", state != null);
        }
        return layout.file(FILE);
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
