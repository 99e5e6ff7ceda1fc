package io.clusterless.uri;

import io.clusterless.lot.LotId;
import io.clusterless.model.DatasetRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keys of a boundary's own records beside the manifests of its dataset, in the manifest bucket:
 * <pre>
 * datasets/name=&lt;d&gt;/version=&lt;v&gt;/lot=&lt;lot&gt;/boundary.claim                 which manifest the lot gets
 * datasets/name=&lt;d&gt;/version=&lt;v&gt;/lot=&lt;lot&gt;/late/&lt;sha-256 of uri&gt;.json  objects that missed it
 * datasets/name=&lt;d&gt;/version=&lt;v&gt;/unassigned/&lt;sha-256 of uri&gt;.json      objects with no lot
 * datasets/name=&lt;d&gt;/version=&lt;v&gt;/boundary.since                        when it was first placed (ADR-0007)
 * </pre>
 * None ends with {@code /manifest.json}, so readers of manifests skip them. Keys are relative to the bucket.
 */
public record BoundaryLedgerKeys(String datasetName, String datasetVersion) {
    static final String CLAIM = "boundary.claim";
    static final String SINCE = "boundary.since";
    static final String LATE = "late/";
    static final String UNASSIGNED = "unassigned/";

    public BoundaryLedgerKeys {
        if (datasetName == null || datasetVersion == null) {
            throw new IllegalArgumentException("a boundary ledger needs the dataset's name and version");
        }
        KeyLayout.checkValue(datasetName, "datasetName");
        KeyLayout.checkValue(datasetVersion, "datasetVersion");
    }

    public static BoundaryLedgerKeys of(DatasetRef dataset) {
        return new BoundaryLedgerKeys(dataset.getName(), dataset.getVersion());
    }

    /** {@code datasets/name=<d>/version=<v>/lot=<lot>/}. */
    public String lotKeyPath(LotId lot) {
        return manifests().withLot(lot).keyPath();
    }

    public String claimKey(LotId lot) {
        return lotKeyPath(lot) + CLAIM;
    }

    /** The key prefix of the lot's late arrivals. */
    public String latePrefix(LotId lot) {
        return lotKeyPath(lot) + LATE;
    }

    public String lateKey(LotId lot, String objectUri) {
        return latePrefix(lot) + sha256(objectUri) + ".json";
    }

    public String unassignedKey(String objectUri) {
        return manifests().keyPath() + UNASSIGNED + sha256(objectUri) + ".json";
    }

    public String sinceKey() {
        return manifests().keyPath() + SINCE;
    }

    /** Whether a key listed under a lot's directory, given as the rest after {@code lot=<lot>/}, is a late arrival. */
    public static boolean isLateRecord(String nameInLot) {
        return nameInLot.startsWith(LATE);
    }

    private ManifestURI manifests() {
        return new ManifestURI(null, datasetName, datasetVersion, null, null, null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
