package io.clusterless.engine.boundary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.clusterless.manifest.Manifest;

import java.util.Objects;

/**
 * The one manifest a lot of a boundary's dataset gets, decided before it is written. A lot's manifest can sit at
 * two keys ({@code state=complete} or {@code state=empty}), so a conditional create of the manifest alone cannot stop
 * an empty and a complete manifest from both being written; one conditional create of the claim can. Its body holds
 * the whole manifest, so whoever finds a claim without its manifest (the claimant crashed) can finish the write.
 *
 * @param lot      the lot id
 * @param manifest the manifest identifier ({@code s3://…/state=…/manifest.json})
 * @param content  the manifest to write there
 * @param source   infrequent: the object that claimed the lot; frequent: null
 */
@JsonPropertyOrder({"lot", "manifest", "source", "content"})
public record LotClaim(String lot, String manifest, String source, Manifest content) {
    public LotClaim {
        Objects.requireNonNull(lot, "lot is required");
        Objects.requireNonNull(manifest, "manifest is required");
        Objects.requireNonNull(content, "content is required");
    }
}
