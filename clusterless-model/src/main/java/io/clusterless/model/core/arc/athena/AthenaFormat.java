package io.clusterless.model.core.arc.athena;

import java.util.List;

/**
 * Output formats of Athena's UNLOAD, with the compressions each accepts; the first is the default. Locally DuckDB
 * writes Parquet, JSON (lines) and TEXTFILE (delimited text); it has no ORC writer.
 */
public enum AthenaFormat {
    PARQUET(List.of("SNAPPY", "GZIP", "ZSTD", "NONE")),
    ORC(List.of("ZLIB", "SNAPPY", "ZSTD", "NONE")),
    JSON(List.of("NONE", "GZIP", "ZSTD")),
    TEXTFILE(List.of("NONE", "GZIP", "ZSTD"));

    private final List<String> compressions;

    AthenaFormat(List<String> compressions) {
        this.compressions = compressions;
    }

    /** The compressions this format accepts here, the default first. */
    public List<String> compressions() {
        return compressions;
    }

    public String defaultCompression() {
        return compressions.get(0);
    }
}
